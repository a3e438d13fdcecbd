package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoMethod;
import java.util.Map;

/**
 * The next trial to run: its hyperparameters (null when a grid is exhausted), the method that
 * chose them, the expected improvement over the best score so far in the objective's units
 * (Bayesian search only, after its random start; null otherwise) and why, in words.
 */
public record Suggestion(Map<String, Object> hyperparameters, HpoMethod method, Double expectedImprovement, String reason) {}
