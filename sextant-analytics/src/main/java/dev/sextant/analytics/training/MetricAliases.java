package dev.sextant.analytics.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names the run-quality analysis reads each of its curves under, so runs logged with MLflow's
 * common names are analysed like native ones: {@code train_loss} or else {@code loss};
 * {@code val_loss} or else {@code eval_loss} or else {@code validation_loss}; {@code grad_norm}.
 * The points keep the name they were logged with; only the analysis reads them as the canonical
 * curve, and of several names of one curve in a run it takes the first in this order.
 */
public final class MetricAliases {
    private static final Map<String, List<String>> NAMES = Map.of(
            MetricPoint.TRAINING_LOSS, List.of(MetricPoint.TRAINING_LOSS, "loss"),
            MetricPoint.VALIDATION_LOSS, List.of(MetricPoint.VALIDATION_LOSS, "eval_loss", "validation_loss"),
            MetricPoint.GRADIENT_NORM, List.of(MetricPoint.GRADIENT_NORM));

    private MetricAliases() {}

    /** Every name these canonical curves may be logged under, in preference order per curve. */
    public static List<String> names(Collection<String> canonical) {
        List<String> names = new ArrayList<>();
        for (String c : canonical) {
            names.addAll(NAMES.getOrDefault(c, List.of(c)));
        }
        return names;
    }

    /** The names in preference order that the curve {@code canonical} may be logged under. */
    public static List<String> namesOf(String canonical) {
        return NAMES.getOrDefault(canonical, List.of(canonical));
    }

    /** Of the names a run has, the one that stands for each canonical curve: logged name → canonical name. */
    public static Map<String, String> chosen(Collection<String> canonical, Set<String> present) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String c : canonical) {
            for (String name : namesOf(c)) {
                if (present.contains(name)) {
                    chosen.put(name, c);
                    break;
                }
            }
        }
        return chosen;
    }
}
