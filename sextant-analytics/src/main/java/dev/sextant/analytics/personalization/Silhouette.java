package dev.sextant.analytics.personalization;

import java.util.List;
import org.apache.commons.math3.ml.distance.EuclideanDistance;

/**
 * The mean silhouette of a partition (Rousseeuw 1987): per point, (b − a) / max(a, b) with a the
 * mean distance to its own cluster and b the smallest mean distance to another cluster; a point
 * alone in its cluster counts 0. Commons Math has k-means but no silhouette.
 */
final class Silhouette {
    private static final EuclideanDistance DISTANCE = new EuclideanDistance();

    private Silhouette() {}

    static double mean(List<List<double[]>> clusters) {
        double total = 0;
        int points = 0;
        for (int c = 0; c < clusters.size(); c++) {
            for (double[] p : clusters.get(c)) {
                points++;
                if (clusters.get(c).size() < 2) {
                    continue;
                }
                double a = meanDistance(p, clusters.get(c)) * clusters.get(c).size() / (clusters.get(c).size() - 1);
                double b = Double.POSITIVE_INFINITY;
                for (int o = 0; o < clusters.size(); o++) {
                    if (o != c && !clusters.get(o).isEmpty()) {
                        b = Math.min(b, meanDistance(p, clusters.get(o)));
                    }
                }
                double max = Math.max(a, b);
                total += max == 0 || Double.isInfinite(b) ? 0 : (b - a) / max;
            }
        }
        return points == 0 ? 0 : total / points;
    }

    /** Mean distance from p to every point of the cluster (p itself included, at distance 0). */
    private static double meanDistance(double[] p, List<double[]> cluster) {
        return cluster.stream().mapToDouble(q -> DISTANCE.compute(p, q)).sum() / cluster.size();
    }
}
