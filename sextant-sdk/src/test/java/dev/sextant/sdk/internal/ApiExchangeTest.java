package dev.sextant.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared exchange: the headers every request carries, and the exact error texts the clients pass on. */
class ApiExchangeTest {
    private HttpServer server;
    private final AtomicReference<Headers> seen = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holding;
    private volatile int status = 200;
    private volatile String answer = "{}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                seen.set(exchange.getRequestHeaders());
                seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                awaitReleaseWhenHolding();
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    private void awaitReleaseWhenHolding() {
        try {
            if (holding) {
                release.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/");
    }

    private static ApiExchange exchange(URI base, Duration timeout) {
        return new ApiExchange(new ExportSettings(base.resolve("ingest"), "sk-test", 10, 10, Duration.ofSeconds(1),
                timeout, 1, Duration.ofMillis(1), Duration.ofMillis(1)));
    }

    @Test
    void aGetCarriesTheKeyTheSdkAndTheEtagAndReturnsStatusBodyAndEtag() {
        ApiExchange api = exchange(base(), Duration.ofSeconds(10));
        ApiExchange.Result r = api.get(api.resolve("things/x"), "\"v0\"");
        assertThat(r.error()).isNull();
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(r.etag()).isEqualTo("\"v1\"");
        assertThat(seen.get().getFirst("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(seen.get().getFirst("User-Agent")).isEqualTo(SdkInfo.USER_AGENT);
        assertThat(seen.get().getFirst("If-None-Match")).isEqualTo("\"v0\"");
    }

    @Test
    void aGetWithoutEtagSendsNoIfNoneMatch() {
        ApiExchange api = exchange(base(), Duration.ofSeconds(10));
        assertThat(api.get(api.resolve("things/x"), null).error()).isNull();
        assertThat(seen.get().containsKey("If-None-Match")).isFalse();
    }

    @Test
    void aPostSendsTheJsonAsJson() {
        ApiExchange api = exchange(base(), Duration.ofSeconds(10));
        ApiExchange.Result r = api.post(api.resolve("things/x/render"), "{\"a\": \"é\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(seen.get().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(seen.get().getFirst("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(seenBody.get()).isEqualTo("{\"a\": \"é\"}");
    }

    @Test
    void aStatusErrorNamesTheStatusTheAddressAndTheBodyCutTo300Characters() {
        status = 503;
        answer = "x".repeat(301);
        ApiExchange api = exchange(base(), Duration.ofSeconds(10));
        URI uri = api.resolve("things/x?q=1");
        ApiExchange.Result r = api.get(uri, null);
        assertThat(r.error()).isNull();
        assertThat(r.statusError()).isEqualTo("HTTP 503 from " + uri + ": " + "x".repeat(300) + "...");

        answer = "x".repeat(300);
        assertThat(api.get(uri, null).statusError()).isEqualTo("HTTP 503 from " + uri + ": " + "x".repeat(300));
    }

    @Test
    void errorTextsNameTheNamedAddressWhenOneIsGiven() {
        status = 401;
        answer = "no";
        ApiExchange api = exchange(base(), Duration.ofSeconds(10));
        URI named = api.resolve("budgets/check");
        ApiExchange.Result r = api.get(URI.create(named + "?agent_id=a"), named, null);
        assertThat(r.statusError()).isEqualTo("HTTP 401 from " + named + ": no");
    }

    @Test
    void anUnreachableServerIsCannotReachWithTheCause() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ApiExchange api = exchange(URI.create("http://127.0.0.1:" + closed + "/api/v1/"), Duration.ofSeconds(10));
        URI uri = api.resolve("things/x");
        ApiExchange.Result r = api.get(uri, null);
        assertThat(r.status()).isZero();
        assertThat(r.body()).isNull();
        assertThat(r.error()).startsWith("cannot reach " + uri + ": java.net.ConnectException");
    }

    @Test
    void noAnswerWithinTheTimeoutSaysSo() {
        holding = true;
        ApiExchange api = exchange(base(), Duration.ofMillis(200));
        URI uri = api.resolve("things/x");
        assertThat(api.post(uri, "{}").error()).isEqualTo("no answer from " + uri + " within PT0.2S");
    }

    @Test
    void anInterruptedCallerGetsAnErrorAndKeepsItsInterrupt() {
        holding = true;
        ApiExchange api = exchange(base(), Duration.ofSeconds(10));
        URI uri = api.resolve("things/x");
        Thread.currentThread().interrupt();
        try {
            assertThat(api.get(uri, null).error()).isEqualTo("interrupted while asking " + uri);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void idsAreEncodedForAQueryOrForAPathSegment() {
        assertThat(ApiExchange.encode("a b/c")).isEqualTo("a+b%2Fc");
        assertThat(ApiExchange.segment("a b/c")).isEqualTo("a%20b%2Fc");
        assertThat(ApiExchange.shorten(null)).isNull();
    }
}
