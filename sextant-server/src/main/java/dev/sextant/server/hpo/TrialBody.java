package dev.sextant.server.hpo;

import dev.sextant.server.web.TextFields;
import dev.sextant.analytics.hpo.SearchSpace;
import dev.sextant.analytics.hpo.SpaceProblem;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.hpo.HpoTrialSpec;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A trial as posted: its hyperparameters must be a point of the study's search space (each
 * parameter outside it is named); a completed trial needs a finite score.
 */
record TrialBody(Map<String, JsonNode> hyperparameters, Double score, Double trainingTimeSeconds, Double convergenceEpoch,
        Boolean overfitting, String runId, String status) {
    static final int MAX_RUN_ID = 256;
    static final int MAX_EPOCH = 1_000_000;

    HpoTrialSpec validated(SearchSpace space) {
        List<FieldProblem> problems = new ArrayList<>();
        HpoTrialStatus parsed = HpoTrialStatus.COMPLETED;
        if (status != null) {
            parsed = HpoTrialStatus.fromWire(status).orElse(null);
            if (parsed == null) {
                problems.add(FieldProblem.field("status", "status must be one of completed, failed, pruned, was '"
                        + StudyBody.shorten(status) + "'"));
            }
        }
        Map<String, Object> values = null;
        if (hyperparameters == null) {
            problems.add(FieldProblem.field("hyperparameters", "hyperparameters is required: an object of parameter name"
                    + " to value"));
        } else {
            int before = problems.size();
            values = JsonValues.values(hyperparameters, "hyperparameters", "/hyperparameters", problems);
            if (problems.size() == before) {
                values = inSpace(space, values, "hyperparameters", "/hyperparameters", problems);
            }
        }
        if (score == null) {
            if (parsed == HpoTrialStatus.COMPLETED) {
                problems.add(FieldProblem.field("score", "score is required for a completed trial"));
            }
        } else if (!Double.isFinite(score)) {
            problems.add(FieldProblem.field("score", "score must be a finite number, was " + score));
        }
        if (trainingTimeSeconds != null && !(Double.isFinite(trainingTimeSeconds) && trainingTimeSeconds >= 0)) {
            problems.add(FieldProblem.field("training_time_seconds", "training_time_seconds must be a finite number of 0 or"
                    + " more, was " + trainingTimeSeconds));
        }
        // read as a number and checked here: Jackson would silently truncate 7.5 to an int
        Integer epoch = null;
        if (convergenceEpoch != null) {
            if (convergenceEpoch != Math.rint(convergenceEpoch) || convergenceEpoch < 0 || convergenceEpoch > MAX_EPOCH) {
                problems.add(FieldProblem.field("convergence_epoch", "convergence_epoch must be a whole number from 0 to "
                        + MAX_EPOCH + ", was " + (convergenceEpoch == Math.rint(convergenceEpoch) && Math.abs(convergenceEpoch) < 1e15
                        ? Long.toString(convergenceEpoch.longValue()) : convergenceEpoch.toString())));
            } else {
                epoch = convergenceEpoch.intValue();
            }
        }
        String cleanRun = TextFields.text("run_id", runId, MAX_RUN_ID, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new HpoTrialSpec(values, score, trainingTimeSeconds, epoch, overfitting, cleanRun, parsed);
    }

    /** The values checked against the space (canonical: an int as a whole number); each problem named. */
    static Map<String, Object> inSpace(SearchSpace space, Map<String, Object> values, String field, String pointer,
            List<FieldProblem> problems) {
        List<SpaceProblem> found = new ArrayList<>();
        Map<String, Object> checked = space.check(values, found);
        for (SpaceProblem s : found) {
            problems.add(StudyBody.problem(field, pointer, s));
        }
        for (Object v : values.values()) {
            if (v instanceof String text && (text.length() > SearchSpace.MAX_VALUE_LENGTH || text.indexOf('\u0000') >= 0)) {
                problems.add(FieldProblem.at(field, pointer, field + " values are at most " + SearchSpace.MAX_VALUE_LENGTH
                        + " characters without NUL"));
                break;
            }
        }
        return checked;
    }
}
