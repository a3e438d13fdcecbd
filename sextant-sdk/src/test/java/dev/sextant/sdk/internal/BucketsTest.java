package dev.sextant.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.experiments.Assignment;
import dev.sextant.analytics.experiments.Assignment.Allocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SDK's copy of the assignment hash agrees with the server's on every unit id tried. */
class BucketsTest {
    private static final int UNITS = 10_000;

    private static String unit(int i) {
        return switch (i % 4) {
            case 0 -> "user-" + i;
            case 1 -> Integer.toHexString(i * 7919);
            case 2 -> "ü 🚀 " + i;
            default -> "session:" + i + ":" + "x".repeat(i % 50);
        };
    }

    @Test
    void bucketsAndVariantsMatchTheServerOnTenThousandUnits() {
        List<List<Integer>> splits = List.of(List.of(50, 50), List.of(34, 33, 33), List.of(10, 90),
                List.of(1, 1, 98), List.of(20, 20, 20, 20, 20));
        for (String experiment : List.of("prompt-test", "exp_abcdefghijklmnop", "a")) {
            for (List<Integer> split : splits) {
                List<Allocation> allocations = new java.util.ArrayList<>();
                for (int k = 0; k < split.size(); k++) {
                    allocations.add(new Allocation("v" + k, split.get(k)));
                }
                Assignment server = new Assignment(allocations);
                for (int i = 0; i < UNITS; i++) {
                    String unit = unit(i);
                    int bucket = Buckets.bucket(experiment, unit);
                    assertThat(bucket).as(unit).isEqualTo(Assignment.bucket(experiment, unit));
                    assertThat("v" + Buckets.variantIndex(bucket, split)).as(unit)
                            .isEqualTo(server.variant(experiment, unit));
                }
            }
        }
    }

    @Test
    void theEdgesOfTheBucketRange() {
        assertThat(Buckets.variantIndex(0, List.of(50, 50))).isZero();
        assertThat(Buckets.variantIndex(49, List.of(50, 50))).isZero();
        assertThat(Buckets.variantIndex(50, List.of(50, 50))).isEqualTo(1);
        assertThat(Buckets.variantIndex(99, List.of(50, 50))).isEqualTo(1);
        assertThat(Buckets.variantIndex(99, List.of(50, 40))).isEqualTo(-1);
    }
}
