package dev.sextant.analytics.predictions;

import dev.sextant.store.predictions.PredictionTarget;
import dev.sextant.store.predictions.TrainingRow;
import java.time.OffsetDateTime;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * The Tribuo side: examples from rows, the two candidate learners (a linear model fitted by
 * stochastic gradient descent, and a random forest of CART trees), and the predicted number
 * (the probability of label "1", or the regressed value).
 */
final class TribuoModels {
    static final String YES = "1";
    private static final LabelFactory LABELS = new LabelFactory();
    private static final RegressionFactory REGRESSORS = new RegressionFactory();
    private static final String DIMENSION = "y";
    /** Tribuo reports every 1,000 SGD steps and every tree at INFO through java.util.logging; held so the level stays. */
    private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO.setLevel(java.util.logging.Level.WARNING);
    }

    private TribuoModels() {}

    /** The label a model of {@code target} learns from a row (the log of a duration). */
    static double label(PredictionTarget target, TrainingRow row) {
        return target == PredictionTarget.TASK_DURATION ? Math.log1p(row.label()) : row.label();
    }

    static List<Candidate> candidates(boolean binary, long seed) {
        if (binary) {
            return List.of(
                    new Candidate("logistic_regression", new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                            new LogMulticlass(), new AdaGrad(0.1, 0.1), 10, seed)),
                    new Candidate("random_forest", new RandomForestTrainer<>(
                            new CARTClassificationTrainer(8, 0.5f, seed), new FullyWeightedVotingCombiner(), 40, seed)));
        }
        return List.of(
                new Candidate("linear_regression", new org.tribuo.regression.sgd.linear.LinearSGDTrainer(
                        new SquaredLoss(), new AdaGrad(0.1, 0.1), 20, seed)),
                new Candidate("random_forest", new RandomForestTrainer<>(
                        new CARTRegressionTrainer(8, 5f, 0f, 0.5f, new MeanSquaredError(), seed),
                        new AveragingCombiner(), 40, seed)));
    }

    record Candidate(String name, Trainer<?> trainer) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Model<?> fit(Candidate candidate, boolean binary, PredictionTarget target, List<TrainingRow> rows) {
        OutputFactory factory = binary ? LABELS : REGRESSORS;
        MutableDataset dataset = new MutableDataset(new SimpleDataSourceProvenance("sextant " + target.wire(),
                OffsetDateTime.parse("2026-01-01T00:00:00Z"), factory), factory);
        for (TrainingRow row : rows) {
            dataset.add(example(binary, row, label(target, row)));
        }
        return ((Trainer) candidate.trainer()).train(dataset);
    }

    static Example<?> example(boolean binary, TrainingRow row, double label) {
        PredictionFeatures.Encoded e = PredictionFeatures.encode(row.categories(), row.numbers(), row.indicators(), row.at());
        Output<?> output = binary ? new Label(label == 1 ? YES : "0") : new Regressor(DIMENSION, label);
        return exampleOf(output, e);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Example<?> exampleOf(Output output, PredictionFeatures.Encoded e) {
        return new ArrayExample(output, e.names(), e.values());
    }

    /** The model's number for one encoded example: P(yes) or the value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static double predict(Model model, boolean binary, PredictionFeatures.Encoded e) {
        Output unknown = binary ? LABELS.getUnknownOutput() : REGRESSORS.getUnknownOutput();
        org.tribuo.Prediction prediction = model.predict(exampleOf(unknown, e));
        if (binary) {
            Object yes = prediction.getOutputScores().get(YES);
            return yes == null ? 0 : ((Label) yes).getScore();
        }
        return ((Regressor) prediction.getOutput()).getValues()[0];
    }
}
