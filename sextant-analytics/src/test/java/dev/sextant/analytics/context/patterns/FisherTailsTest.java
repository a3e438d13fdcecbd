package dev.sextant.analytics.context.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.FisherExactTest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FisherTailsTest {

    @Test
    void agreesWithTheFullSumOnRandomTables() {
        Random random = new Random(17);
        for (int i = 0; i < 3000; i++) {
            int scale = i % 3 == 0 ? 12 : i % 3 == 1 ? 300 : 4000;
            long a = random.nextInt(scale);
            long b = random.nextInt(scale);
            long c = random.nextInt(scale);
            long d = random.nextInt(scale);
            double full = FisherExactTest.twoSided(a, b, c, d);
            double tails = FisherTails.twoSided(a, b, c, d);
            assertThat(tails).as("%d %d %d %d", a, b, c, d).isCloseTo(full, within(1e-12 + full * 1e-9));
        }
    }

    @Test
    void knownAnswers() {
        // Fisher's tea tasting: 3 of 4 right, p = 34/70; the dieting example of Wikipedia's article
        assertThat(FisherTails.twoSided(3, 1, 1, 3)).isCloseTo(34.0 / 70, within(1e-12));
        assertThat(FisherTails.twoSided(1, 9, 11, 3)).isCloseTo(0.002759, within(1e-6));
        assertThat(FisherTails.twoSided(0, 0, 0, 0)).isEqualTo(1.0);
        assertThat(FisherTails.twoSided(5, 5, 5, 5)).isEqualTo(1.0);
        assertThat(FisherTails.twoSided(0, 10, 10, 0)).isEqualTo(FisherExactTest.twoSided(0, 10, 10, 0));
    }
}
