package dev.sextant.analytics.hpo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A Gaussian process regression with a Matérn 5/2 kernel, unit signal variance and per-dimension
 * length scales, on standardized targets. The length scales and the noise variance are chosen by
 * the highest log marginal likelihood among a fixed set of candidates (isotropic scales, then
 * seeded log-uniform per-dimension draws, each with several noise levels), so a dimension the
 * score does not depend on can get a long length scale and drop out of the model.
 */
final class MaternProcess {
    private static final double[] ISOTROPIC = {0.05, 0.1, 0.2, 0.35, 0.5, 1, 2};
    private static final double[] NOISE = {1e-6, 1e-3, 1e-2, 0.05, 0.2};
    private static final int ANISOTROPIC_DRAWS = 24;
    private static final double SQRT5 = Math.sqrt(5);

    private final double[][] x;
    private final double[] lengths;
    private final double[][] lower;
    private final double[] alpha;
    final double logLikelihood;

    private MaternProcess(double[][] x, double[] lengths, double[][] lower, double[] alpha, double logLikelihood) {
        this.x = x;
        this.lengths = lengths;
        this.lower = lower;
        this.alpha = alpha;
        this.logLikelihood = logLikelihood;
    }

    /** The best-fitting process for standardized targets {@code y} at points {@code x}. */
    static MaternProcess fit(double[][] x, double[] y, SplittableRandom random) {
        int d = x[0].length;
        List<double[]> candidates = new ArrayList<>();
        for (double l : ISOTROPIC) {
            double[] lengths = new double[d];
            java.util.Arrays.fill(lengths, l);
            candidates.add(lengths);
        }
        for (int i = 0; i < ANISOTROPIC_DRAWS; i++) {
            double[] lengths = new double[d];
            for (int j = 0; j < d; j++) {
                lengths[j] = Math.exp(Math.log(0.03) + random.nextDouble() * (Math.log(5) - Math.log(0.03)));
            }
            candidates.add(lengths);
        }
        MaternProcess best = null;
        for (double[] lengths : candidates) {
            for (double noise : NOISE) {
                MaternProcess p = fit(x, y, lengths, noise);
                if (p != null && (best == null || p.logLikelihood > best.logLikelihood)) {
                    best = p;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no kernel setting gave a positive definite covariance");
        }
        return best;
    }

    static MaternProcess fit(double[][] x, double[] y, double[] lengths, double noise) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = kernel(x[i], x[j], lengths);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] += noise + 1e-9;
        }
        CholeskyDecomposition cholesky;
        try {
            cholesky = new CholeskyDecomposition(MatrixUtils.createRealMatrix(k), 1e-10, 1e-12);
        } catch (MathIllegalArgumentException e) {
            return null;
        }
        RealMatrix l = cholesky.getL();
        double[][] lower = l.getData();
        double[] alpha = cholesky.getSolver().solve(MatrixUtils.createRealVector(y)).toArray();
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
        }
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += Math.log(lower[i][i]);
        }
        double ll = -0.5 * fit - logDet - 0.5 * n * Math.log(2 * Math.PI);
        return new MaternProcess(x, lengths, lower, alpha, ll);
    }

    static double kernel(double[] a, double[] b, double[] lengths) {
        double r2 = 0;
        for (int i = 0; i < a.length; i++) {
            double t = (a[i] - b[i]) / lengths[i];
            r2 += t * t;
        }
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /** Posterior mean and standard deviation of the latent function at {@code point}. */
    double[] predict(double[] point) {
        int n = x.length;
        double[] ks = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            ks[i] = kernel(point, x[i], lengths);
            mean += ks[i] * alpha[i];
        }
        // v = L^-1 k*, by forward substitution
        double[] v = new double[n];
        double vv = 0;
        for (int i = 0; i < n; i++) {
            double s = ks[i];
            for (int j = 0; j < i; j++) {
                s -= lower[i][j] * v[j];
            }
            v[i] = s / lower[i][i];
            vv += v[i] * v[i];
        }
        return new double[] {mean, Math.sqrt(Math.max(1e-12, 1 - vv))};
    }

    double[] lengths() {
        return lengths.clone();
    }
}
