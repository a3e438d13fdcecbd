package dev.sextant.analytics.predictions;

import dev.sextant.store.predictions.PredictionTarget;
import dev.sextant.store.predictions.TrainingRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Model;

/**
 * Trains a target's model on rows ordered oldest first: the older 80% train, the newest 20% test.
 * Inside the training part its own newest 20% validates the candidates (logistic or linear
 * regression by SGD, a random forest); the better one (lower log loss, or lower MAE) is refitted
 * on the whole training part and judged once on the test part. Offered only when better than the
 * baseline: for a yes/no target the AUC's 95% lower bound above 0.5 and a positive Brier skill
 * score; for a number the MAE improvement over the mean predictor with a bootstrap interval above 0.
 */
public final class PredictionTrainer {
    public static final int MIN_TRAIN = 200;
    public static final int MIN_TEST = 50;
    public static final int MIN_CLASS = 20;

    private final long seed;

    public PredictionTrainer(long seed) {
        this.seed = seed;
    }

    public TrainingOutcome train(PredictionTarget target, List<TrainingRow> rows) {
        boolean binary = target.binary();
        int split = (int) Math.floor(rows.size() * 0.8);
        List<TrainingRow> train = rows.subList(0, split);
        List<TrainingRow> test = rows.subList(split, rows.size());
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("train_n", train.size());
        quality.put("test_n", test.size());
        String shortage = shortage(binary, train, test);
        if (shortage != null) {
            return new TrainingOutcome(TrainingOutcome.INSUFFICIENT_DATA, shortage, null, quality, List.of(), null);
        }
        int inner = (int) Math.floor(train.size() * 0.8);
        String chosen = null;
        double best = Double.POSITIVE_INFINITY;
        Map<String, Object> validation = new LinkedHashMap<>();
        for (TribuoModels.Candidate candidate : TribuoModels.candidates(binary, seed)) {
            Model<?> model = TribuoModels.fit(candidate, binary, target, train.subList(0, inner));
            double loss = validationLoss(model, binary, target, train.subList(inner, train.size()),
                    trainMean(target, train.subList(0, inner)));
            validation.put(candidate.name(), loss);
            if (loss < best) {
                best = loss;
                chosen = candidate.name();
            }
        }
        String name = chosen;
        TribuoModels.Candidate candidate = TribuoModels.candidates(binary, seed).stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        Model<?> model = TribuoModels.fit(candidate, binary, target, train);
        double[] predicted = predictions(model, binary, test);
        double[] y = test.stream().mapToDouble(r -> TribuoModels.label(target, r)).toArray();
        quality.put("algorithm", chosen);
        quality.put("validation_" + (binary ? "log_loss" : "mae"), validation);
        String status;
        String reason;
        double trainMean = trainMean(target, train);
        if (binary) {
            BinaryQuality q = BinaryQuality.of(predicted, y, trainMean);
            quality.putAll(q.json());
            boolean better = q.betterThanBaseline();
            status = better ? TrainingOutcome.OFFERED : TrainingOutcome.NOT_OFFERED;
            reason = String.format(Locale.ROOT, "%s: AUC %.3f (95%% CI %.3f-%.3f), Brier skill score %.3f against"
                    + " the base rate %.3f", better ? "better than the baseline" : "no better than the baseline",
                    q.auc(), q.aucLow(), q.aucHigh(), q.brierSkill(), trainMean);
        } else {
            RegressionQuality q = RegressionQuality.of(predicted, y, trainMean,
                    target == PredictionTarget.TASK_DURATION ? "log1p_ms" : "value", seed);
            quality.putAll(q.json());
            boolean better = q.betterThanBaseline();
            status = better ? TrainingOutcome.OFFERED : TrainingOutcome.NOT_OFFERED;
            reason = String.format(Locale.ROOT, "%s: MAE %.4g against %.4g for the mean predictor (improvement"
                    + " 95%% CI %.4g to %.4g)", better ? "better than the baseline" : "no better than the baseline",
                    q.mae(), q.baselineMae(), q.improvementLow(), q.improvementHigh());
        }
        return new TrainingOutcome(status, reason, chosen, quality, topFeatures(model),
                PredictorCodec.bytes(model));
    }

    private static String shortage(boolean binary, List<TrainingRow> train, List<TrainingRow> test) {
        if (train.size() < MIN_TRAIN || test.size() < MIN_TEST) {
            return String.format(Locale.ROOT, "insufficient data: %d training and %d test rows, at least %d and %d"
                    + " needed", train.size(), test.size(), MIN_TRAIN, MIN_TEST);
        }
        if (binary) {
            long yes = train.stream().filter(r -> r.label() == 1).count();
            long testYes = test.stream().filter(r -> r.label() == 1).count();
            long no = train.size() - yes;
            if (yes < MIN_CLASS || no < MIN_CLASS || testYes == 0 || testYes == test.size()) {
                return String.format(Locale.ROOT, "insufficient data: %d positive and %d negative training rows"
                        + " (at least %d of each needed) and %d of %d positive test rows (both classes needed)",
                        yes, no, MIN_CLASS, testYes, test.size());
            }
        }
        return null;
    }

    private static double trainMean(PredictionTarget target, List<TrainingRow> rows) {
        return rows.stream().mapToDouble(r -> TribuoModels.label(target, r)).average().orElse(0);
    }

    private static double validationLoss(Model<?> model, boolean binary, PredictionTarget target,
            List<TrainingRow> rows, double mean) {
        double[] p = predictions(model, binary, rows);
        double loss = 0;
        for (int i = 0; i < p.length; i++) {
            double y = TribuoModels.label(target, rows.get(i));
            if (binary) {
                double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
                loss -= y == 1 ? Math.log(q) : Math.log(1 - q);
            } else {
                loss += Math.abs(p[i] - y);
            }
        }
        return loss / p.length;
    }

    private static double[] predictions(Model<?> model, boolean binary, List<TrainingRow> rows) {
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) {
            TrainingRow r = rows.get(i);
            p[i] = TribuoModels.predict(model, binary, PredictionFeatures.encode(r.categories(), r.numbers(), r.indicators(), r.at()));
        }
        return p;
    }

    /** The ten largest weights (linear) or importances (forest), by magnitude. */
    private static List<Map<String, Object>> topFeatures(Model<?> model) {
        List<Map<String, Object>> top = new ArrayList<>();
        Map<String, List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>>> byOutput = model.getTopFeatures(10);
        List<com.oracle.labs.mlrg.olcut.util.Pair<String, Double>> list = byOutput.get(TribuoModels.YES);
        if (list == null) {
            list = byOutput.values().stream().findFirst().orElse(List.of());
        }
        for (var pair : list) {
            if (pair.getA().equals("bias") || pair.getA().equals("BIAS")) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("feature", pair.getA());
            f.put("weight", pair.getB());
            top.add(f);
        }
        return top;
    }
}
