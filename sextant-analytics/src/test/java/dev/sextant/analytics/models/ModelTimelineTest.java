package dev.sextant.analytics.models;

import static dev.sextant.analytics.models.ModelComparisonTest.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.models.ModelVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static ModelVersion v(String id, String parent) {
        return new ModelVersion(id, "bot", id, "ft:" + id, null, parent, null, null, null, null, List.of(), T0);
    }

    @Test
    void improvementsAreAgainstThePreviousVersionAndRollOverTheWindow() {
        List<ModelVersion> versions = List.of(v("v1", null), v("v2", "v1"), v("v3", "v2"), v("v4", "v3"));
        ModelTimeline t = ModelTimeline.of("bot", versions, List.of(eval("a", "v1", "mmlu", 0.70, 0),
                eval("b", "v1", "gsm8k", 0.50, 0), eval("c", "v2", "mmlu", 0.75, 0), eval("d", "v3", "mmlu", 0.74, 0),
                eval("e", "v4", "mmlu", 0.85, 0)), 3);
        assertThat(t.versions()).extracting(ModelTimeline.Entry::id).containsExactly("v1", "v2", "v3", "v4");
        assertThat(t.versions().get(0).primaryAccuracy()).isCloseTo(0.6, within(1e-12));
        assertThat(t.versions().get(0).evaluations()).isEqualTo(2);
        assertThat(t.versions().get(0).improvement()).isNull();
        assertThat(t.versions().get(0).rollingImprovement()).isNull();
        assertThat(t.versions().get(1).improvement()).isCloseTo(0.05, within(1e-12));
        assertThat(t.versions().get(1).rollingImprovement()).isCloseTo(0.05, within(1e-12));
        assertThat(t.versions().get(2).improvement()).isCloseTo(-0.01, within(1e-12));
        assertThat(t.versions().get(2).rollingImprovement()).isCloseTo(0.02, within(1e-12));
        assertThat(t.versions().get(3).improvement()).isCloseTo(0.11, within(1e-12));
        assertThat(t.versions().get(3).rollingImprovement()).isCloseTo(0.05, within(1e-12));
        ModelTimeline two = ModelTimeline.of("bot", versions, List.of(eval("c", "v2", "mmlu", 0.75, 0),
                eval("d", "v3", "mmlu", 0.74, 0), eval("e", "v4", "mmlu", 0.85, 0)), 2);
        assertThat(two.versions().get(3).rollingImprovement()).isCloseTo(0.05, within(1e-12));
        assertThat(two.versions().get(1).improvement()).isNull();
        assertThat(two.versions().get(1).primaryAccuracy()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void theWindowIsChecked() {
        assertThatThrownBy(() -> ModelTimeline.of("bot", List.of(), List.of(), 0))
                .hasMessage("window must be from 1 to 100, was 0");
        assertThat(ModelTimeline.of("bot", List.of(), List.of(), 1).versions()).isEmpty();
    }
}
