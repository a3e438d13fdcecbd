package dev.sextant.server.otlp;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.ingest.IngestService;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When ingest cannot store (here: closed), an OTLP export is 503 with Retry-After and a Status body. */
class ITOtlpUnavailable {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Test
    void aClosedIngestAnswers503WithRetryAfter() {
        server.bean(IngestService.class).close();
        String json = """
                {"resourceSpans": [{"scopeSpans": [{"spans": [
                  {"traceId": "0af7651916cd43dd8448eb211c80319c", "spanId": "b7ad6b7169203331", "name": "late"}]}]}]}""";
        Response answer = server.send(SextantTestServer.authorized(server.request("/v1/traces"), ADMIN_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).hasValue("1");
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.json().get("code").asInt()).isEqualTo(14);
        assertThat(answer.json().get("message").asString()).isNotBlank();
    }
}
