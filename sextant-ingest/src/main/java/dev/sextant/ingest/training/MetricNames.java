package dev.sextant.ingest.training;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canonical metric names, so that the run-quality analytics find the curves whatever wrote them:
 * {@code loss} → {@code train_loss}, {@code eval_*} → {@code val_*} ({@code eval_loss} →
 * {@code val_loss}), {@code lr} → {@code learning_rate}; every other name is kept as written.
 */
final class MetricNames {
    static final int MAX_LENGTH = 256;

    private MetricNames() {
    }

    static String canonical(String name) {
        if (name.equals("loss")) {
            return "train_loss";
        }
        if (name.equals("lr")) {
            return "learning_rate";
        }
        if (name.startsWith("eval_") && name.length() > "eval_".length()) {
            return "val_" + name.substring("eval_".length());
        }
        return name;
    }

    /**
     * Names for the metric columns of a Lightning CSV. Lightning's {@code on_step}/{@code on_epoch}
     * logging writes {@code X_step} (every step) and {@code X_epoch} (the epoch's mean): the
     * finest series present becomes the canonical {@code X}, so {@code train_loss_step} →
     * {@code train_loss}, and {@code X_epoch} keeps its name beside it; an {@code X_epoch} alone
     * becomes {@code X}. A column whose name is already taken keeps the name it has.
     */
    static Map<String, String> forColumns(List<String> columns) {
        Set<String> present = Set.copyOf(columns);
        Map<String, String> names = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (String column : columns) {
            String target = canonical(stripSuffix(column, present));
            if (!taken.add(target)) {
                target = column;
                taken.add(target);
            }
            names.put(column, target);
        }
        return names;
    }

    private static String stripSuffix(String column, Set<String> present) {
        if (column.endsWith("_step") && column.length() > "_step".length()) {
            String base = column.substring(0, column.length() - "_step".length());
            return present.contains(base) ? column : base;
        }
        if (column.endsWith("_epoch") && column.length() > "_epoch".length()) {
            String base = column.substring(0, column.length() - "_epoch".length());
            return present.contains(base) || present.contains(base + "_step") ? column : base;
        }
        return column;
    }

    /** Why a name cannot be a metric name, or null when it can. */
    static String invalid(String name) {
        if (name.isBlank()) {
            return "the metric name is blank";
        }
        if (name.length() > MAX_LENGTH) {
            return "the metric name is " + name.length() + " characters long; the limit is " + MAX_LENGTH;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "the metric name '" + printable(name) + "' contains a control character";
            }
        }
        return null;
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(text.length(), 64);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > limit ? out + "…" : out.toString();
    }
}
