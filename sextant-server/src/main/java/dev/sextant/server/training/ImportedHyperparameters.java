package dev.sextant.server.training;

import dev.sextant.server.web.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters a training log held, made fit for a run: {@code batch_size} and
 * {@code epochs} copied from the names Hugging Face records them under (so efficiency can group
 * imported runs with logged ones), and every value {@link Hyperparameters} refuses left out and
 * reported instead of refusing the file.
 */
final class ImportedHyperparameters {
    private ImportedHyperparameters() {}

    record Result(Map<String, Object> values, List<ImportView.ProblemView> problems) {}

    static Result of(Map<String, Object> fromFile) {
        Map<String, Object> values = new LinkedHashMap<>(fromFile);
        alias(values, true, "batch_size", "train_batch_size", "per_device_train_batch_size");
        alias(values, false, "epochs", "num_train_epochs");
        List<ImportView.ProblemView> problems = new ArrayList<>();
        List<FieldProblem> found = new ArrayList<>();
        Hyperparameters.check(values, found);
        for (FieldProblem f : found) {
            String pointer = f.pointer() == null ? "/hyperparameters" : f.pointer();
            if (pointer.equals("/hyperparameters")) {
                values.clear(); // too many entries, or a name that cannot be pointed at: keep none
            } else {
                values.remove(unescape(pointer.substring("/hyperparameters/".length())));
            }
            problems.add(new ImportView.ProblemView(null, pointer, f.message() + "; left out"));
        }
        return new Result(values, problems);
    }

    private static void alias(Map<String, Object> values, boolean whole, String name, String... sources) {
        if (values.containsKey(name)) {
            return;
        }
        for (String source : sources) {
            Object v = values.get(source);
            boolean fits = whole ? (v instanceof Integer || v instanceof Long) : v instanceof Number;
            if (fits && Double.isFinite(((Number) v).doubleValue()) && ((Number) v).doubleValue() > 0) {
                values.put(name, v);
                return;
            }
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
