package dev.sextant.analytics.predictions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Held-out quality of probabilities for a yes/no outcome: AUC with DeLong's 95% confidence
 * interval (DeLong, DeLong and Clarke-Pearson 1988, by midranks), Brier score and its skill
 * against always predicting the training base rate, log loss, and a 10-bin reliability table
 * with its expected calibration error (ECE).
 */
record BinaryQuality(int n, int positives, double baseRate, double trainBaseRate, double auc, double aucLow,
        double aucHigh, double brier, double baselineBrier, double brierSkill, double logLoss, double ece,
        List<Map<String, Object>> reliability) {

    static BinaryQuality of(double[] p, double[] y, double trainBaseRate) {
        int n = p.length;
        int positives = 0;
        double brier = 0;
        double base = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            positives += y[i] == 1 ? 1 : 0;
            brier += (p[i] - y[i]) * (p[i] - y[i]);
            base += (trainBaseRate - y[i]) * (trainBaseRate - y[i]);
            double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
            logLoss -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        brier /= n;
        base /= n;
        double[] auc = delong(p, y);
        List<Map<String, Object>> table = new ArrayList<>();
        double ece = 0;
        for (int bin = 0; bin < 10; bin++) {
            int count = 0;
            double predicted = 0;
            double observed = 0;
            for (int i = 0; i < n; i++) {
                if (Math.min(9, (int) (p[i] * 10)) == bin) {
                    count++;
                    predicted += p[i];
                    observed += y[i];
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from", bin / 10.0);
            row.put("to", (bin + 1) / 10.0);
            row.put("n", count);
            row.put("mean_predicted", count == 0 ? null : predicted / count);
            row.put("observed_rate", count == 0 ? null : observed / count);
            table.add(row);
            if (count > 0) {
                ece += count / (double) n * Math.abs(observed / count - predicted / count);
            }
        }
        return new BinaryQuality(n, positives, positives / (double) n, trainBaseRate, auc[0], auc[1], auc[2], brier, base,
                base == 0 ? 0 : 1 - brier / base, logLoss / n, ece, table);
    }

    /** AUC and its 95% interval, clipped to [0, 1]. */
    static double[] delong(double[] p, double[] y) {
        int m = 0;
        for (double v : y) {
            m += v == 1 ? 1 : 0;
        }
        int k = y.length - m;
        double[] pos = new double[m];
        double[] neg = new double[k];
        for (int i = 0, a = 0, b = 0; i < y.length; i++) {
            if (y[i] == 1) {
                pos[a++] = p[i];
            } else {
                neg[b++] = p[i];
            }
        }
        double[] all = new double[m + k];
        System.arraycopy(pos, 0, all, 0, m);
        System.arraycopy(neg, 0, all, m, k);
        double[] rx = midranks(pos);
        double[] ry = midranks(neg);
        double[] rz = midranks(all);
        double[] v10 = new double[m];
        double[] v01 = new double[k];
        double auc = 0;
        for (int i = 0; i < m; i++) {
            v10[i] = (rz[i] - rx[i]) / k;
            auc += v10[i];
        }
        auc /= m;
        for (int j = 0; j < k; j++) {
            v01[j] = 1 - (rz[m + j] - ry[j]) / m;
        }
        double se = Math.sqrt(variance(v10) / m + variance(v01) / k);
        return new double[] {auc, Math.max(0, auc - 1.959964 * se), Math.min(1, auc + 1.959964 * se)};
    }

    private static double variance(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(v).average().orElse(0);
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }

    /** 1-based ranks, ties sharing their mean rank. */
    private static double[] midranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] ranks = new double[x.length];
        int i = 0;
        while (i < x.length) {
            int j = i;
            while (j < x.length && x[order[j]] == x[order[i]]) {
                j++;
            }
            double rank = 0.5 * (i + j - 1) + 1;
            for (int t = i; t < j; t++) {
                ranks[order[t]] = rank;
            }
            i = j;
        }
        return ranks;
    }

    boolean betterThanBaseline() {
        return aucLow > 0.5 && brierSkill > 0;
    }

    Map<String, Object> json() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("test_n", n);
        q.put("test_positives", positives);
        q.put("base_rate", baseRate);
        q.put("train_base_rate", trainBaseRate);
        q.put("auc", auc);
        q.put("auc_ci95", List.of(aucLow, aucHigh));
        q.put("brier", brier);
        q.put("baseline_brier", baselineBrier);
        q.put("brier_skill", brierSkill);
        q.put("log_loss", logLoss);
        q.put("ece", ece);
        q.put("reliability", reliability);
        return q;
    }
}
