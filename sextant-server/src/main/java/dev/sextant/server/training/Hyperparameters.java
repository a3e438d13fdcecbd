package dev.sextant.server.training;

import dev.sextant.server.web.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters of a run: any JSON values under any names, but the well-known ones must
 * have their type (learning_rate a positive number, batch_size a whole number from 1, ...).
 */
final class Hyperparameters {
    private Hyperparameters() {}

    static void check(Map<String, Object> params, List<FieldProblem> problems) {
        if (params == null) {
            return;
        }
        if (params.size() > RunBody.MAX_KEYS) {
            problems.add(FieldProblem.field("hyperparameters", "hyperparameters has " + params.size()
                    + " entries, over the limit of " + RunBody.MAX_KEYS));
            return;
        }
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String key = e.getKey();
            String bad = Fields.badName("a hyperparameter name", key, RunBody.MAX_KEY);
            if (bad != null) {
                problems.add(FieldProblem.at("hyperparameters", key.length() > RunBody.MAX_KEY ? "/hyperparameters"
                        : "/hyperparameters/" + Fields.token(key), bad));
                continue;
            }
            String rule = switch (key) {
                case "learning_rate" -> positive(e.getValue()) ? null : "a number above 0";
                case "epochs" -> positive(e.getValue()) ? null : "a number above 0";
                case "batch_size", "gradient_accumulation_steps" -> whole(e.getValue(), 1) ? null : "a whole number from 1";
                case "warmup_steps" -> whole(e.getValue(), 0) ? null : "a whole number from 0";
                default -> noNul(e.getValue()) ? null : "free of NUL characters";
            };
            if (rule != null) {
                problems.add(FieldProblem.at("hyperparameters", "/hyperparameters/" + Fields.token(key),
                        "hyperparameters." + key + " must be " + rule + ", was " + Fields.shorten(String.valueOf(e.getValue()))));
            }
        }
    }

    private static boolean positive(Object v) {
        return v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() > 0;
    }

    private static boolean whole(Object v, long min) {
        return (v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= min;
    }

    private static boolean noNul(Object v) {
        return !String.valueOf(v).contains("\u0000");
    }
}
