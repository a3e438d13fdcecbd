package dev.sextant.store.hpo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a study says: its name, the agent it tunes, the search method, the objective (a metric
 * name and whether lower or higher is better), the search space in the owner's order, the
 * baseline (optional: its configuration and score) and the seed that makes random draws
 * repeatable. Hyperparameter values are {@code Double}, {@code Long}, {@code String} or
 * {@code Boolean}.
 */
public record HpoStudySpec(String name, String agentId, HpoMethod method, String metric, HpoDirection direction,
        List<HpoParameter> searchSpace, Map<String, Object> baselineHyperparameters, Double baselineScore, long seed) {
    public HpoStudySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        searchSpace = List.copyOf(searchSpace);
        baselineHyperparameters = baselineHyperparameters == null ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselineHyperparameters));
    }
}
