package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricAliasesTest {
    private static final List<String> CURVES = List.of(MetricPoint.TRAINING_LOSS, MetricPoint.VALIDATION_LOSS,
            MetricPoint.GRADIENT_NORM);

    @Test
    void mlflowNamesStandForTheCanonicalCurves() {
        assertThat(MetricAliases.chosen(CURVES, Set.of("loss", "eval_loss", "accuracy")))
                .isEqualTo(Map.of("loss", "train_loss", "eval_loss", "val_loss"));
        assertThat(MetricAliases.chosen(CURVES, Set.of("validation_loss", "grad_norm")))
                .isEqualTo(Map.of("validation_loss", "val_loss", "grad_norm", "grad_norm"));
    }

    @Test
    void theCanonicalNameWinsOverItsAliases() {
        assertThat(MetricAliases.chosen(CURVES, Set.of("loss", "train_loss", "val_loss", "eval_loss", "validation_loss")))
                .isEqualTo(Map.of("train_loss", "train_loss", "val_loss", "val_loss"));
        assertThat(MetricAliases.chosen(CURVES, Set.of("eval_loss", "validation_loss")))
                .isEqualTo(Map.of("eval_loss", "val_loss"));
    }

    @Test
    void namesListEveryAliasInPreferenceOrder() {
        assertThat(MetricAliases.names(CURVES)).containsExactly("train_loss", "loss", "val_loss", "eval_loss",
                "validation_loss", "grad_norm");
        assertThat(MetricAliases.namesOf("accuracy")).containsExactly("accuracy");
        assertThat(MetricAliases.chosen(CURVES, Set.of())).isEmpty();
    }
}
