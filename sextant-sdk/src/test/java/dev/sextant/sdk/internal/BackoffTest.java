package dev.sextant.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void delaysDoubleWithJitterWithinTheirBounds() {
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.delay(1, Optional.empty()).toMillis()).isBetween(50L, 100L);
            assertThat(backoff.delay(3, Optional.empty()).toMillis()).isBetween(200L, 400L);
            assertThat(backoff.delay(40, Optional.empty()).toMillis()).isBetween(2_500L, 5_000L);
        }
    }

    @Test
    void retryAfterIsHonouredUpToTheMaximum() {
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(60)))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        ZonedDateTime now = ZonedDateTime.parse("2026-11-01T10:00:00Z");
        assertThat(Backoff.parseRetryAfter("3", now)).contains(Duration.ofSeconds(3));
        assertThat(Backoff.parseRetryAfter("Sun, 01 Nov 2026 10:00:07 GMT", now)).contains(Duration.ofSeconds(7));
        assertThat(Backoff.parseRetryAfter("Sun, 01 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(Backoff.parseRetryAfter("-1", now)).isEmpty();
        assertThat(Backoff.parseRetryAfter("soon", now)).isEmpty();
        assertThat(Backoff.parseRetryAfter(null, now)).isEmpty();
    }

    @Test
    void aPartialAnswerCountsAcceptedAndRejectedItems() {
        Outcome.Delivered d = IngestClient.delivered(("{\"accepted\":1,\"rejected\":[{\"index\":1,\"id\":\"s-9\","
                + "\"error\":\"span \\\"s-9\\\": kind is wrong\"}]}").getBytes(), 2);
        assertThat(d).isEqualTo(new Outcome.Delivered(1, 1, "span \"s-9\": kind is wrong"));
        assertThat(IngestClient.delivered("not json".getBytes(), 3)).isEqualTo(new Outcome.Delivered(3, 0, null));
    }
}
