package dev.sextant.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One alert event sent to one webhook: {@code pending} until an attempt succeeds
 * ({@code delivered}) or the attempts run out ({@code failed}). {@code lastStatusCode} is the
 * HTTP status of the last attempt (null when it got no answer, see {@code lastError}).
 */
public record WebhookDelivery(
        String id,
        String webhookId,
        String alertId,
        String event,
        Status status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt) {

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    public enum Status {
        PENDING, DELIVERED, FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
