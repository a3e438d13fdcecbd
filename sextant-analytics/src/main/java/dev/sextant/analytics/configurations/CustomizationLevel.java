package dev.sextant.analytics.configurations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far a version departs from the one it is compared with (its parent, or the default):
 * <ul>
 *   <li>{@code extensive}: 3 or more workflow steps changed, or 6 or more parameters;
 *   <li>{@code moderate}: otherwise 1 or more steps, or 3 or more parameters;
 *   <li>{@code minimal}: otherwise (up to 2 parameters, no step).
 * </ul>
 * A step change outweighs a parameter change because it alters what the agent does, not only how.
 */
public enum CustomizationLevel {
    MINIMAL, MODERATE, EXTENSIVE;

    public static final int EXTENSIVE_STEPS = 3;
    public static final int EXTENSIVE_PARAMETERS = 6;
    public static final int MODERATE_STEPS = 1;
    public static final int MODERATE_PARAMETERS = 3;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomizationLevel of(int parametersChanged, int stepsChanged) {
        if (parametersChanged < 0 || stepsChanged < 0) {
            throw new IllegalArgumentException("changed counts must not be negative, were " + parametersChanged + " and "
                    + stepsChanged);
        }
        if (stepsChanged >= EXTENSIVE_STEPS || parametersChanged >= EXTENSIVE_PARAMETERS) {
            return EXTENSIVE;
        }
        if (stepsChanged >= MODERATE_STEPS || parametersChanged >= MODERATE_PARAMETERS) {
            return MODERATE;
        }
        return MINIMAL;
    }

    /** The parameter names added, removed or given another value (values compared with {@code equals}), sorted. */
    public static Set<String> changedParameters(Map<String, ?> before, Map<String, ?> after) {
        Set<String> changed = new TreeSet<>();
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (before.containsKey(name) != after.containsKey(name) || !Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /**
     * Workflow steps changed between two step lists (steps compared with {@code equals}, as
     * multisets): the larger of the removed and the added count, so an edited step (one removed,
     * one added) counts once, and so does a step added or removed. Reordering alone changes nothing.
     */
    public static int changedSteps(List<?> before, List<?> after) {
        List<Object> removed = new ArrayList<>(before);
        List<Object> added = new ArrayList<>();
        for (Object step : after) {
            if (!removed.remove(step)) {
                added.add(step);
            }
        }
        return Math.max(removed.size(), added.size());
    }
}
