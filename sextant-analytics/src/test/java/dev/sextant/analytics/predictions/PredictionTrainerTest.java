package dev.sextant.analytics.predictions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.predictions.PredictionTarget;
import dev.sextant.store.predictions.TrainingRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known answers on generated, seeded rows: a planted effect is found and offered; no effect is refused. */
class PredictionTrainerTest {
    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private final PredictionTrainer trainer = new PredictionTrainer(7);

    /** Success depends on the agent (0.9 for "careful", 0.15 for "hasty"); the other features are noise. */
    static List<TrainingRow> plantedSuccess(int n, long seed) {
        Random random = new Random(seed);
        List<TrainingRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean careful = random.nextBoolean();
            double p = careful ? 0.9 : 0.15;
            rows.add(new TrainingRow("t-" + i, START.plusSeconds(600L * i),
                    Map.of("agent_id", careful ? "careful" : "hasty", "trace_name", "answer-" + random.nextInt(3),
                            "model", random.nextBoolean() ? "m1" : "m2"),
                    Map.of("input_length", (double) random.nextInt(400)), random.nextDouble() < p ? 1 : 0));
        }
        return rows;
    }

    static List<TrainingRow> shuffledLabels(List<TrainingRow> rows, long seed) {
        List<Double> labels = new ArrayList<>(rows.stream().map(TrainingRow::label).toList());
        Collections.shuffle(labels, new Random(seed));
        List<TrainingRow> shuffled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TrainingRow r = rows.get(i);
            shuffled.add(new TrainingRow(r.id(), r.at(), r.categories(), r.numbers(), labels.get(i)));
        }
        return shuffled;
    }

    @Test
    void aPlantedPredictiveFeatureIsOfferedWithAHighCalibratedAuc() {
        TrainingOutcome outcome = trainer.train(PredictionTarget.INTERACTION_SUCCESS, plantedSuccess(2000, 1));

        assertThat(outcome.status()).isEqualTo(TrainingOutcome.OFFERED);
        assertThat(outcome.reason()).startsWith("better than the baseline: AUC");
        assertThat((double) outcome.quality().get("auc")).isGreaterThan(0.8);
        assertThat((double) outcome.quality().get("ece")).isLessThan(0.06);
        assertThat((double) outcome.quality().get("brier_skill")).isGreaterThan(0.2);
        assertThat(outcome.quality()).containsEntry("train_n", 1600).containsEntry("test_n", 400);
        assertThat(outcome.topFeatures()).extracting(f -> f.get("feature")).first().asString().startsWith("agent_id=");
    }

    @Test
    void theSameRowsWithShuffledLabelsAreNoBetterThanTheBaseline() {
        TrainingOutcome outcome = trainer.train(PredictionTarget.INTERACTION_SUCCESS,
                shuffledLabels(plantedSuccess(2000, 1), 3));

        assertThat(outcome.status()).isEqualTo(TrainingOutcome.NOT_OFFERED);
        assertThat(outcome.reason()).startsWith("no better than the baseline: AUC");
        @SuppressWarnings("unchecked")
        List<Double> ci = (List<Double>) outcome.quality().get("auc_ci95");
        assertThat(ci.get(0)).isLessThanOrEqualTo(0.5);
    }

    @Test
    void tooFewRowsOrOneClassIsInsufficientData() {
        assertThat(trainer.train(PredictionTarget.HANDOFF, plantedSuccess(240, 2)).status())
                .isEqualTo(TrainingOutcome.INSUFFICIENT_DATA);
        List<TrainingRow> allYes = plantedSuccess(1000, 2).stream()
                .map(r -> new TrainingRow(r.id(), r.at(), r.categories(), r.numbers(), 1)).toList();
        TrainingOutcome outcome = trainer.train(PredictionTarget.HANDOFF, allYes);
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.INSUFFICIENT_DATA);
        assertThat(outcome.reason()).contains("800 positive and 0 negative training rows");
        assertThat(outcome.model()).isNull();
    }

    /** Rating 2 + 2 for model "big" + noise; with {@code effect} false the model does not matter. */
    static List<TrainingRow> ratings(int n, boolean effect, long seed) {
        Random random = new Random(seed);
        List<TrainingRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean big = random.nextBoolean();
            double rating = 2 + (effect && big ? 2 : 0) + random.nextGaussian() * 0.7;
            rows.add(new TrainingRow("t-" + i, START.plusSeconds(600L * i),
                    Map.of("model", big ? "big" : "small", "agent_id", "a" + random.nextInt(4)), Map.of(), rating));
        }
        return rows;
    }

    @Test
    void aPlantedRatingEffectBeatsTheMeanPredictorAndNoEffectDoesNot() {
        TrainingOutcome planted = trainer.train(PredictionTarget.RATING, ratings(1500, true, 5));
        TrainingOutcome none = trainer.train(PredictionTarget.RATING, ratings(1500, false, 5));

        assertThat(planted.status()).isEqualTo(TrainingOutcome.OFFERED);
        assertThat((double) planted.quality().get("r2")).isGreaterThan(0.5);
        assertThat((double) planted.quality().get("mae")).isLessThan((double) planted.quality().get("baseline_mae"));
        assertThat(none.status()).isEqualTo(TrainingOutcome.NOT_OFFERED);
        assertThat(none.reason()).startsWith("no better than the baseline: MAE");
    }

    @Test
    void aStoredModelPredictsLikeTheTrainedOneAfterTheProtobufRoundTrip() {
        TrainingOutcome outcome = trainer.train(PredictionTarget.INTERACTION_SUCCESS, plantedSuccess(2000, 1));
        TrainedPredictor predictor = TrainedPredictor.load(PredictionTarget.INTERACTION_SUCCESS, outcome.model());

        double careful = predictor.predict(Map.of("agent_id", "careful"), Map.of("input_length", 50.0), START);
        double hasty = predictor.predict(Map.of("agent_id", "hasty"), Map.of("input_length", 50.0), START);
        assertThat(careful).isBetween(0.75, 1.0);
        assertThat(hasty).isBetween(0.0, 0.35);
        assertThat(outcome.qualityJson()).contains("\"algorithm\":").contains("\"top_features\":[");
    }

    @Test
    void durationsAreFittedOnTheLogScaleAndPredictedInMilliseconds() {
        Random random = new Random(11);
        List<TrainingRow> rows = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            boolean slow = random.nextBoolean();
            double ms = Math.exp((slow ? 9 : 6) + random.nextGaussian() * 0.3);
            rows.add(new TrainingRow("t-" + i, START.plusSeconds(60L * i), Map.of("tool_name", slow ? "search" : "calc"),
                    Map.of(), ms));
        }
        TrainingOutcome outcome = trainer.train(PredictionTarget.TASK_DURATION, rows);
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.OFFERED);
        assertThat(outcome.quality()).containsEntry("scale", "log1p_ms");
        double slow = TrainedPredictor.load(PredictionTarget.TASK_DURATION, outcome.model())
                .predict(Map.of("tool_name", "search"), Map.of(), START);
        assertThat(slow).isBetween(Math.exp(8.5), Math.exp(9.5));
    }
}
