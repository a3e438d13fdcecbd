package dev.sextant.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Where alerts are delivered: an http(s) {@code url}, the {@code secret} that signs each body
 * (HMAC-SHA256; kept in clear because signing needs it), and the body {@code format}.
 */
public record Webhook(String id, String url, String secret, Format format, Instant createdAt) {

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(format, "format");
    }

    /** {@code json}: Sextant's own event; {@code slack}: a Slack incoming-webhook message. */
    public enum Format {
        JSON, SLACK;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format fromWire(String value) {
            for (Format f : values()) {
                if (f.wire().equals(value)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be one of json, slack, was '" + value + "'");
        }
    }
}
