package dev.sextant.server.hpo;

import dev.sextant.server.web.TextFields;
import dev.sextant.analytics.hpo.SearchSpace;
import dev.sextant.analytics.hpo.SpaceProblem;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoParameterType;
import dev.sextant.store.hpo.HpoStudySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * A study as posted. Every wrong field is reported at once, with a JSON Pointer to it
 * ({@code /search_space/learning_rate/low}); nothing is stored unless all are right.
 */
record StudyBody(String name, String agentId, String method, Objective objective, Map<String, ParameterBody> searchSpace,
        Baseline baseline, JsonNode seed) {
    static final int MAX_NAME = 200;
    static final int MAX_AGENT_ID = 256;
    static final int MAX_METRIC = 128;

    record Objective(String metric, String direction) {}

    record ParameterBody(String type, Double low, Double high, Boolean log, List<JsonNode> values) {}

    record Baseline(Map<String, JsonNode> hyperparameters, Double score) {}

    HpoStudySpec validated() {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = TextFields.text("name", name, MAX_NAME, true, problems);
        String cleanAgent = TextFields.text("agent_id", agentId, MAX_AGENT_ID, false, problems);
        HpoMethod parsedMethod = null;
        if (method == null) {
            problems.add(FieldProblem.field("method", "method is required: grid, random, bayesian or evolutionary"));
        } else {
            parsedMethod = HpoMethod.fromWire(method).orElse(null);
            if (parsedMethod == null) {
                problems.add(FieldProblem.field("method", "method must be one of grid, random, bayesian, evolutionary, was '"
                        + shorten(method) + "'"));
            }
        }
        String metric = null;
        HpoDirection direction = null;
        if (objective == null) {
            problems.add(FieldProblem.field("objective", "objective is required: {\"metric\": ..., \"direction\":"
                    + " \"minimize\" | \"maximize\"}"));
        } else {
            metric = TextFields.text("objective.metric", objective.metric(), MAX_METRIC, true, problems);
            if (objective.direction() == null) {
                problems.add(FieldProblem.at("objective.direction", "/objective/direction",
                        "objective.direction is required: minimize or maximize"));
            } else {
                direction = HpoDirection.fromWire(objective.direction()).orElse(null);
                if (direction == null) {
                    problems.add(FieldProblem.at("objective.direction", "/objective/direction", "objective.direction must be"
                            + " minimize or maximize, was '" + shorten(objective.direction()) + "'"));
                }
            }
        }
        // read as a tree: a typed long would silently truncate 7.5 to 7
        if (seed != null && !seed.isNull() && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            problems.add(FieldProblem.field("seed", "seed must be a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ", was " + shorten(seed.toString())));
        }
        List<HpoParameter> space = space(problems);
        Map<String, Object> baselineValues = null;
        Double baselineScore = null;
        if (baseline != null) {
            if (baseline.score() == null || !Double.isFinite(baseline.score())) {
                problems.add(FieldProblem.at("baseline.score", "/baseline/score", "baseline.score must be a finite number,"
                        + " was " + baseline.score()));
            }
            baselineScore = baseline.score();
            if (baseline.hyperparameters() != null) {
                baselineValues = JsonValues.values(baseline.hyperparameters(), "baseline.hyperparameters",
                        "/baseline/hyperparameters", problems);
                if (problems.isEmpty()) {
                    baselineValues = TrialBody.inSpace(SearchSpace.of(space), baselineValues, "baseline.hyperparameters",
                            "/baseline/hyperparameters", problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        long chosenSeed = seed == null || seed.isNull() ? ThreadLocalRandom.current().nextLong() : seed.longValue();
        return new HpoStudySpec(cleanName, cleanAgent, parsedMethod, metric, direction, space, baselineValues, baselineScore,
                chosenSeed);
    }

    private List<HpoParameter> space(List<FieldProblem> problems) {
        if (searchSpace == null) {
            problems.add(FieldProblem.field("search_space", "search_space is required: an object of parameter name to"
                    + " {type, low, high, log} or {type: categorical, values}"));
            return List.of();
        }
        List<HpoParameter> parameters = new ArrayList<>();
        int before = problems.size();
        searchSpace.forEach((name, p) -> {
            String field = "search_space." + shorten(name);
            String pointer = "/search_space/" + JsonValues.escape(name);
            if (p == null) {
                problems.add(FieldProblem.at(field, pointer, field + " must be an object {type, low, high, log, values}"));
                return;
            }
            HpoParameterType type = p.type() == null ? null : HpoParameterType.fromWire(p.type()).orElse(null);
            if (type == null) {
                problems.add(FieldProblem.at(field + ".type", pointer + "/type", field + ".type must be float, int or"
                        + " categorical, was " + (p.type() == null ? "missing" : "'" + shorten(p.type()) + "'")));
                return;
            }
            List<Object> values = null;
            if (p.values() != null) {
                values = new ArrayList<>();
                for (int i = 0; i < p.values().size(); i++) {
                    Object v = JsonValues.scalar(p.values().get(i), field + ".values[" + i + "]", pointer + "/values/" + i,
                            problems);
                    if (v != null) {
                        values.add(v);
                    }
                }
            }
            parameters.add(new HpoParameter(name, type, p.low(), p.high(), Boolean.TRUE.equals(p.log()), values));
        });
        if (problems.size() > before) {
            return parameters;
        }
        List<SpaceProblem> found = new ArrayList<>();
        List<HpoParameter> checked = SearchSpace.check(parameters, found);
        for (SpaceProblem s : found) {
            problems.add(problem("search_space", "/search_space", s));
        }
        return checked;
    }

    static FieldProblem problem(String field, String pointer, SpaceProblem s) {
        if (s.parameter() == null) {
            return FieldProblem.at(field, pointer, s.message());
        }
        String f = field + "." + shorten(s.parameter()) + (s.attribute() == null ? "" : "." + s.attribute());
        String p = pointer + "/" + JsonValues.escape(s.parameter()) + (s.attribute() == null ? "" : "/" + s.attribute());
        return FieldProblem.at(f, p, s.message());
    }


    static String shorten(String value) {
        String text = value.replace('\u0000', '?');
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
