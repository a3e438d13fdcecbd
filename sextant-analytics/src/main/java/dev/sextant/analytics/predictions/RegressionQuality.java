package dev.sextant.analytics.predictions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Held-out error of predicted values against the mean predictor (always the training mean): MAE,
 * RMSE, R², and a paired bootstrap (2,000 resamples of the test rows, seeded) of the MAE
 * improvement {@code MAE(baseline) - MAE(model)} with its 95% percentile interval.
 */
record RegressionQuality(int n, double mae, double rmse, double r2, double baselineMae, double baselineRmse,
        double improvement, double improvementLow, double improvementHigh, String scale) {
    private static final int RESAMPLES = 2_000;

    static RegressionQuality of(double[] predicted, double[] y, double trainMean, String scale, long seed) {
        int n = y.length;
        double[] gain = new double[n];
        double ae = 0;
        double se = 0;
        double baseAe = 0;
        double baseSe = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.abs(predicted[i] - y[i]);
            double b = Math.abs(trainMean - y[i]);
            ae += e;
            se += e * e;
            baseAe += b;
            baseSe += b * b;
            gain[i] = b - e;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += gain[random.nextInt(n)];
            }
            means[r] = s / n;
        }
        java.util.Arrays.sort(means);
        return new RegressionQuality(n, ae / n, Math.sqrt(se / n), baseSe == 0 ? 0 : 1 - se / baseSe, baseAe / n,
                Math.sqrt(baseSe / n), (baseAe - ae) / n, means[(int) (0.025 * RESAMPLES)],
                means[(int) (0.975 * RESAMPLES) - 1], scale);
    }

    boolean betterThanBaseline() {
        return improvementLow > 0;
    }

    Map<String, Object> json() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("test_n", n);
        q.put("scale", scale);
        q.put("mae", mae);
        q.put("rmse", rmse);
        q.put("r2", r2);
        q.put("baseline_mae", baselineMae);
        q.put("baseline_rmse", baselineRmse);
        q.put("mae_improvement", improvement);
        q.put("mae_improvement_ci95", List.of(improvementLow, improvementHigh));
        return q;
    }
}
