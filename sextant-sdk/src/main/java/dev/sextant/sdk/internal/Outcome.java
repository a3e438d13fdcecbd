package dev.sextant.sdk.internal;

import java.time.Duration;
import java.util.Optional;

/** What one POST of a batch came to. */
sealed interface Outcome {
    /** 200 or 207: {@code accepted} items stored, {@code rejected} refused (with the first refusal's text). */
    record Delivered(long accepted, long rejected, String firstRejection) implements Outcome {}

    /** 429, 502, 503, 504 or an I/O error: worth sending again, after {@code retryAfter} if the server said. */
    record Retryable(String reason, Optional<Duration> retryAfter) implements Outcome {}

    /** 400, 401, 403, 413 and any other answer: sending the same bytes again cannot help. */
    record Refused(int status, String reason) implements Outcome {}
}
