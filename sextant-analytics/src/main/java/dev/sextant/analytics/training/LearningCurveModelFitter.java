package dev.sextant.analytics.training;

import java.util.Collection;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.fitting.AbstractCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;

/**
 * Levenberg-Marquardt least squares (Commons Math) of one {@link LearningCurveModel} in scaled
 * coordinates, parameters {@code (a, b, theta)} with {@code c = exp(theta)}; theta is kept within
 * {@code [ln 1e-4, ln 200]} so the shape never underflows to a constant.
 */
final class LearningCurveModelFitter extends AbstractCurveFitter {
    static final double MIN_THETA = Math.log(1e-4);
    static final double MAX_THETA = Math.log(200);
    private static final int MAX_EVALUATIONS = 5_000;

    private final LearningCurveModel model;
    private final double[] start;

    LearningCurveModelFitter(LearningCurveModel model, double[] start) {
        this.model = model;
        this.start = start.clone();
    }

    @Override
    protected LevenbergMarquardtOptimizer getOptimizer() {
        return new LevenbergMarquardtOptimizer();
    }

    @Override
    protected LeastSquaresProblem getProblem(Collection<WeightedObservedPoint> points) {
        int n = points.size();
        double[] target = new double[n];
        double[] weights = new double[n];
        int i = 0;
        for (WeightedObservedPoint p : points) {
            target[i] = p.getY();
            weights[i] = p.getWeight();
            i++;
        }
        ParametricUnivariateFunction f = new ParametricUnivariateFunction() {
            @Override
            public double value(double x, double... params) {
                return model.value(x, params);
            }

            @Override
            public double[] gradient(double x, double... params) {
                double c = Math.exp(params[2]);
                return new double[] {1, model.shape(x, c), params[1] * model.shapeByC(x, c) * c};
            }
        };
        return new LeastSquaresBuilder()
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS)
                .start(start)
                .target(target)
                .weight(new DiagonalMatrix(weights))
                .model(new TheoreticalValuesFunction(f, points).getModelFunction(),
                        new TheoreticalValuesFunction(f, points).getModelFunctionJacobian())
                .parameterValidator(v -> {
                    ArrayRealVector out = new ArrayRealVector(v);
                    out.setEntry(2, Math.max(MIN_THETA, Math.min(MAX_THETA, v.getEntry(2))));
                    return out;
                })
                .build();
    }
}
