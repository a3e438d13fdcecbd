package dev.sextant.pii;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One detector's rule: its name ({@code email}, ... or a custom pattern's name), the action and
 * where it applies. {@code pattern} is set for a custom rule only (checked by
 * {@link CustomPattern#problem(String)} before a rule is built from it).
 */
public record MaskingRule(String detector, MaskAction action, Set<MaskTarget> appliesTo, String pattern) {
    public MaskingRule {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(action, "action");
        appliesTo = appliesTo.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(appliesTo));
    }

    public boolean custom() {
        return pattern != null;
    }

    /** Whether this rule does something to text of {@code target}. */
    public boolean appliesTo(MaskTarget target) {
        return action != MaskAction.OFF && appliesTo.contains(target);
    }
}
