package dev.sextant.store;

import java.util.Objects;

/**
 * What a workspace chose for one kind of data: keep it {@code days} days, or forever when
 * {@code days} is null. A kind the workspace never chose has no setting (the server's default
 * applies).
 */
public record RetentionSetting(RetentionKind kind, Integer days) {
    public static final int MAX_DAYS = 36_500;

    public RetentionSetting {
        Objects.requireNonNull(kind, "kind");
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new IllegalArgumentException(kind.wire() + " days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
    }
}
