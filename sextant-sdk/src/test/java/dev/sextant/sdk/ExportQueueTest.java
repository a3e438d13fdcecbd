package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The caller's side of export: a full queue drops and counts; refused batches are not retried; 503s are. */
class ExportQueueTest {
    @Test
    void whenTheQueueIsFullRecordsAreDroppedAndCountedAndTheCallerNeverWaits() {
        try (StandIn standIn = new StandIn().holding();
                Sextant sextant = client(standIn).queueCapacity(10).build()) {
            sextant.score("t-1", "first", 1, null);
            await().until(() -> standIn.requests() == 1);   // the worker is stuck in the held POST

            for (int i = 0; i < 15; i++) {
                sextant.score("t-1", "rating-" + i, i, null);
            }
            Stats full = sextant.stats();
            assertThat(full.queued()).isEqualTo(11);
            assertThat(full.dropped()).isEqualTo(5);
            assertThat(full.pending()).isEqualTo(10);

            standIn.release();
            assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(sextant.stats()).isEqualTo(new Stats(11, 11, 5, 0, 0, 0));
        }
    }

    @Test
    void refusedBatchesAreCountedAsFailedAndNotRetried() {
        try (StandIn standIn = new StandIn().answeringFirst(null, 401, 400, 403, 413);
                Sextant sextant = client(standIn).maxBatchSize(1).build()) {
            for (int i = 0; i < 4; i++) {
                sextant.score("t-1", "rating", i, null);
                assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(standIn.requests()).isEqualTo(4);
            assertThat(sextant.stats()).isEqualTo(new Stats(4, 0, 0, 4, 0, 0));
        }
    }

    @Test
    void busyAndUnavailableAnswersAreRetriedUntilTheBatchIsDelivered() {
        try (StandIn standIn = new StandIn().answeringFirst("0", 429, 502, 503, 504);
                Sextant sextant = client(standIn).build()) {
            sextant.score("t-1", "rating", 5, null);
            assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(standIn.requests()).isEqualTo(5);
            assertThat(sextant.stats()).isEqualTo(new Stats(1, 1, 0, 0, 4, 0));
        }
    }

    @Test
    void aBatchOverTheServersBodyLimitIsSplitInHalves() {
        try (StandIn standIn = new StandIn().answeringFirst(null, 413);
                Sextant sextant = client(standIn).build()) {
            sextant.score("t-1", "rating", 1, null);
            sextant.score("t-1", "rating", 2, null);
            assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(standIn.requests()).isEqualTo(3);
            assertThat(sextant.stats()).isEqualTo(new Stats(2, 2, 0, 0, 0, 0));
        }
    }

    @Test
    void aBatchIsCountedAsFailedWhenTheAttemptsRunOut() {
        try (StandIn standIn = new StandIn().answeringFirst(null, 503, 503, 503);
                Sextant sextant = client(standIn).maxAttempts(2).build()) {
            sextant.score("t-1", "rating", 5, null);
            assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(standIn.requests()).isEqualTo(2);
            assertThat(sextant.stats()).isEqualTo(new Stats(1, 0, 0, 1, 1, 0));
        }
    }

    @Test
    void recordsAfterCloseAreDroppedAndCounted() {
        try (StandIn standIn = new StandIn()) {
            Sextant sextant = client(standIn).build();
            sextant.score("t-1", "rating", 5, null);
            sextant.close();
            sextant.score("t-1", "late", 1, null);
            sextant.trace("late").start().end();
            assertThat(sextant.stats()).isEqualTo(new Stats(1, 1, 2, 0, 0, 0));
        }
    }

    private static SextantBuilder client(StandIn standIn) {
        return Sextant.builder().endpoint(standIn.base()).apiKey("sk-test").flushInterval(Duration.ofMillis(10))
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }
}
