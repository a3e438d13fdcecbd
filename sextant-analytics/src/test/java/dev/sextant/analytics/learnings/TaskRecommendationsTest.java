package dev.sextant.analytics.learnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.learnings.TaskRecommendations.Task;
import dev.sextant.store.learnings.TaskUsage;
import dev.sextant.store.learnings.TaskUsage.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planted success rates; expected figures from scipy.stats.fisher_exact and Newcombe's formula by hand. */
class TaskRecommendationsTest {

    @Test
    void aClearlyBetterToolIsRecommendedWithItsNumbers() {
        List<Task> tasks = TaskRecommendations.of(List.of(new TaskUsage("x", Kind.TOOL, "a", 100, 90),
                new TaskUsage("x", Kind.TOOL, "b", 100, 60), new TaskUsage("x", Kind.MODEL, "m1", 200, 150),
                new TaskUsage("y", Kind.TOOL, "a", 80, 50), new TaskUsage("y", Kind.TOOL, "b", 80, 50)), 20, 0.05);

        Task x = tasks.get(0);
        assertThat(x.taskType()).isEqualTo("x");
        assertThat(x.tool().recommended()).isTrue();
        assertThat(x.tool().best().name()).isEqualTo("a");
        assertThat(x.tool().best().successRate()).isEqualTo(0.9);
        assertThat(x.tool().best().low()).isCloseTo(0.8256343384950865, within(1e-9));
        assertThat(x.tool().best().high()).isCloseTo(0.9447708629393249, within(1e-9));
        assertThat(x.tool().runnerUp().name()).isEqualTo("b");
        assertThat(x.tool().difference()).isCloseTo(0.3, within(1e-12));
        assertThat(x.tool().differenceLow()).isCloseTo(0.1827891706745629, within(1e-9));
        assertThat(x.tool().differenceHigh()).isCloseTo(0.40774007222930186, within(1e-9));
        assertThat(x.tool().pValue()).isCloseTo(1.2433405573877402e-06, within(1e-12));
        // Holm over the two comparisons made (tools of x and of y)
        assertThat(x.tool().adjustedPValue()).isCloseTo(2 * 1.2433405573877402e-06, within(1e-12));
        // one model only: nothing to compare, no clear winner
        assertThat(x.model().recommended()).isFalse();
        assertThat(x.model().best().name()).isEqualTo("m1");
        assertThat(x.model().runnerUp()).isNull();
        assertThat(x.model().pValue()).isNull();

        Task y = tasks.get(1);
        assertThat(y.tool().recommended()).isFalse();
        assertThat(y.tool().difference()).isZero();
        assertThat(y.tool().pValue()).isCloseTo(1.0, within(1e-9));
        assertThat(y.tool().candidates()).hasSize(2);
        assertThat(y.model().best()).isNull();
    }

    @Test
    void tooFewTracesAreNeverRecommendedEvenWhenTheGapIsLarge() {
        List<Task> tasks = TaskRecommendations.of(List.of(new TaskUsage("x", Kind.TOOL, "a", 10, 10),
                new TaskUsage("x", Kind.TOOL, "b", 10, 0), new TaskUsage("x", Kind.TOOL, "c", 30, 15)), 20, 0.05);

        // only c has 20 traces: it is the best eligible, and there is no runner-up to beat
        assertThat(tasks.getFirst().tool().recommended()).isFalse();
        assertThat(tasks.getFirst().tool().best().name()).isEqualTo("c");
        assertThat(tasks.getFirst().tool().candidates()).extracting(TaskRecommendations.Candidate::name)
                .containsExactly("a", "c", "b");
    }

    @Test
    void aModestGapOnSmallSamplesIsNoClearWinner() {
        // 9/10 vs 6/10: Fisher p = 0.3034
        List<Task> tasks = TaskRecommendations.of(List.of(new TaskUsage("x", Kind.MODEL, "m1", 10, 9),
                new TaskUsage("x", Kind.MODEL, "m2", 10, 6)), 10, 0.05);

        assertThat(tasks.getFirst().model().recommended()).isFalse();
        assertThat(tasks.getFirst().model().pValue()).isCloseTo(0.3034055727554179, within(1e-9));
        assertThat(tasks.getFirst().model().best().name()).isEqualTo("m1");
    }
}
