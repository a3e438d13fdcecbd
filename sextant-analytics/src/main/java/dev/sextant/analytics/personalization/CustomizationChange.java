package dev.sextant.analytics.personalization;

import java.time.Instant;
import java.util.Objects;

/**
 * One configuration parameter changed by one actor: {@code actor} as customization events record
 * it ({@code user <email>} or {@code key <name>}), the parameter path ({@code behaviour.temperature};
 * its first segment is the section) and when.
 */
public record CustomizationChange(String actor, String parameterPath, Instant at) {

    public CustomizationChange {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(parameterPath, "parameterPath");
        Objects.requireNonNull(at, "at");
        if (parameterPath.isBlank()) {
            throw new IllegalArgumentException("a parameter path must not be blank");
        }
    }

    /** The section the parameter belongs to: the path up to its first dot (the whole path without one). */
    public String section() {
        int dot = parameterPath.indexOf('.');
        return dot < 0 ? parameterPath : parameterPath.substring(0, dot);
    }
}
