package dev.sextant.analytics.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.experiments.Assignment.Allocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private static final Assignment FIFTY_THIRTY_TWENTY = new Assignment(
            List.of(new Allocation("A", 50), new Allocation("B", 30), new Allocation("C", 20)));

    /**
     * Fixed inputs give fixed outputs on every JVM: the expected hashes come from Python,
     * {@code int.from_bytes(hashlib.sha256(f"{e}:{u}".encode()).digest()[:8], 'big')}, and the
     * bucket from {@code v * 100 >> 64}. With 50/30/20, buckets 0-49 are A, 50-79 B, 80-99 C.
     */
    @Test
    void fixedInputsGiveFixedOutputs() {
        assertThat(Assignment.hash("exp-1", "user-1")).isEqualTo(0x946a773d857b2a63L);
        assertThat(Assignment.bucket("exp-1", "user-1")).isEqualTo(57);
        assertThat(Assignment.point("exp-1", "user-1")).isCloseTo(0.5797495389174229, within(1e-15));
        assertThat(Assignment.bucket("checkout-test", "u42")).isEqualTo(30);
        assertThat(Assignment.bucket("exp-1", "ü-ñ")).isEqualTo(40); // UTF-8 bytes

        assertThat(FIFTY_THIRTY_TWENTY.variant("exp-1", "user-1")).isEqualTo("B");  // bucket 57
        assertThat(FIFTY_THIRTY_TWENTY.variant("exp-1", "user-4")).isEqualTo("A");  // bucket 38
        assertThat(FIFTY_THIRTY_TWENTY.variant("exp-1", "user-8")).isEqualTo("C");  // bucket 98
        assertThat(FIFTY_THIRTY_TWENTY.variant("exp-1", "user-10")).isEqualTo("C"); // bucket 80, the boundary
        assertThat(FIFTY_THIRTY_TWENTY.variant("exp-1", "user-3")).isEqualTo("B");  // bucket 74
        assertThat(FIFTY_THIRTY_TWENTY.variant("exp-1", "user-5")).isEqualTo("A");  // bucket 30
        // the same call again (a "restart") gives the same answer
        assertThat(new Assignment(FIFTY_THIRTY_TWENTY.allocations()).variant("exp-1", "user-10")).isEqualTo("C");
    }

    @Test
    void allocationIsRespectedOver100000Units() {
        long[] counts = new long[3];
        List<String> ids = List.of("A", "B", "C");
        for (int i = 0; i < 100_000; i++) {
            counts[ids.indexOf(FIFTY_THIRTY_TWENTY.variant("exp-7", "unit-" + i))]++;
        }
        double p = new ChiSquareTest().chiSquareTest(new double[] {50_000, 30_000, 20_000}, counts);
        assertThat(p).as("goodness of fit of %s", Arrays.toString(counts)).isGreaterThan(0.001);
        assertThat(SampleRatioMismatch.check(counts, new int[] {50, 30, 20}).mismatch()).isFalse();
    }

    /**
     * The bar: a 50/50 split over one million units puts each variant within 1% of half
     * (the binomial standard deviation of a share is 0.0005 here, so 0.01 is twenty of them), and
     * the same unit always gets the same variant.
     */
    @Test
    void fiftyFiftyIsUniformWithinOnePercentOverAMillionUnits() {
        Assignment half = new Assignment(List.of(new Allocation("A", 50), new Allocation("B", 50)));
        int units = 1_000_000;
        long a = 0;
        for (int i = 0; i < units; i++) {
            if (half.variant("million-test", "user-" + i).equals("A")) {
                a++;
            }
        }
        assertThat((double) a / units).isCloseTo(0.5, within(0.01));
        for (int i = 0; i < 1_000; i += 7) {
            assertThat(half.variant("million-test", "user-" + i)).isEqualTo(half.variant("million-test", "user-" + i));
        }
        assertThat(SampleRatioMismatch.check(new long[] {a, units - a}, new int[] {50, 50}).mismatch()).isFalse();
    }

    @Test
    void differentExperimentsAssignIndependently() {
        Assignment half = new Assignment(List.of(new Allocation("A", 50), new Allocation("B", 50)));
        long[][] table = new long[2][2];
        for (int i = 0; i < 20_000; i++) {
            int first = half.variant("exp-x", "u" + i).equals("A") ? 0 : 1;
            int second = half.variant("exp-y", "u" + i).equals("A") ? 0 : 1;
            table[first][second]++;
        }
        assertThat(new ChiSquareTest().chiSquareTest(table)).isGreaterThan(0.001);
    }

    @Test
    void zeroPercentVariantsGetNobodyAndHundredPercentGetsEveryone() {
        Assignment all = new Assignment(List.of(new Allocation("off", 0), new Allocation("on", 100)));
        for (int i = 0; i < 1000; i++) {
            assertThat(all.variant("e", "u" + i)).isEqualTo("on");
        }
    }

    @Test
    void invalidAllocationsAreRefusedSayingWhy() {
        assertThatThrownBy(() -> new Assignment(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one variant");
        assertThatThrownBy(() -> new Assignment(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one variant");
        assertThatThrownBy(() -> new Assignment(List.of(new Allocation("A", 50), new Allocation("B", 40))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the allocations must sum to 100%, they sum to 90%");
        assertThatThrownBy(() -> new Assignment(List.of(new Allocation("A", 110), new Allocation("B", -10))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A' has allocation 110%");
        assertThatThrownBy(() -> new Assignment(List.of(new Allocation("A", 60), new Allocation("B", -10),
                new Allocation("C", 50)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'B' has allocation -10%");
        assertThatThrownBy(() -> new Assignment(List.of(new Allocation("A", 50), new Allocation("A", 50))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A' appears more than once");
        assertThatThrownBy(() -> new Assignment(List.of(new Allocation(" ", 100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank id");
        List<Allocation> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new Assignment(withNull))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
        List<Allocation> overflow = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            overflow.add(new Allocation("v" + i, 100));
        }
        assertThatThrownBy(() -> new Assignment(overflow))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 3000%");
    }
}
