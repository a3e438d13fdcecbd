package dev.sextant.sdk;

import dev.sextant.testing.RealServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nothing is lost while the server is down or busy: the exporter keeps the batch and retries. */
class ITRetry {
    @Test
    void recordsMadeBeforeTheServerIsUpArriveOnceItStarts() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Sextant sextant = Sextant.builder().endpoint("http://localhost:" + port).apiKey(RealServer.KEY)
                .flushInterval(Duration.ofMillis(10)).retryBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .maxAttempts(1_000).build()) {
            Trace trace = sextant.trace("early").agent("boot-bot").start();
            sextant.llm("generate").parent(trace).model("gpt-4o-mini").start().usage(10, 5).end();
            trace.end();
            await().until(() -> sextant.stats().retries() >= 2);   // connection refused, retried

            try (RealServer server = RealServer.startOn(port)) {
                assertThat(sextant.flush(Duration.ofSeconds(60))).isTrue();
                assertThat(server.interaction(trace.id()).get("spans")).hasSize(1);
                Stats stats = sextant.stats();
                assertThat(stats.sent()).isEqualTo(2);
                assertThat(stats.failed()).isZero();
            }
        }
    }

    @Test
    void aBatchAnswered503WithRetryAfterIsSentAgainAndStored() {
        try (RealServer server = RealServer.start();
                StandIn busy = new StandIn().answeringFirst("1", 503, 429).forwardingTo(server.base());
                Sextant sextant = Sextant.builder().endpoint(busy.base()).apiKey(RealServer.KEY)
                        .flushInterval(Duration.ofMillis(10)).retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(2))
                        .build()) {
            Trace trace = sextant.trace("busy").start();
            trace.end();
            assertThat(sextant.flush(Duration.ofSeconds(60))).isTrue();

            assertThat(busy.requests()).isEqualTo(3);
            assertThat(server.interaction(trace.id()).get("name").asString()).isEqualTo("busy");
            assertThat(sextant.stats()).isEqualTo(new Stats(1, 1, 0, 0, 2, 0));
        }
    }

    @Test
    void aKeyTheServerRefusesFailsTheBatchOnceWithoutRetrying() {
        try (RealServer server = RealServer.start();
                Sextant sextant = Sextant.builder().endpoint(server.base()).apiKey("sk-not-a-key-of-this-server-000")
                        .flushInterval(Duration.ofMillis(10)).build()) {
            sextant.trace("refused").start().end();
            assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(sextant.stats()).isEqualTo(new Stats(1, 0, 0, 1, 0, 0));
        }
    }
}
