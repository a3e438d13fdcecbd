package dev.sextant.server;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Batches;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Bad parameters, bad bodies, hostile strings: exact statuses and problems naming what is wrong. */
class ITRequestValidation {
    static final int LIMIT = 1_048_576;

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.ingest.max-body-bytes=" + LIMIT);

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "page_size|500|page_size must be between 1 and 200, was 500",
            "page_size|0|page_size must be between 1 and 200, was 0",
            "page_size|ten|page_size must be a whole number between 1 and 200, was 'ten'",
            "page|0|page must be 1 or more, was 0",
            "from|yesterday|from must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was 'yesterday'",
            "to|2026-11-01T10:00:00|to must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was '2026-11-01T10:00:00'",
            "min_confidence|1.5|min_confidence must be between 0 and 1, was 1.5",
            "max_confidence|NaN|max_confidence must be a number between 0 and 1, was 'NaN'",
            "handoff|yes|handoff must be true or false, was 'yes'",
            "status|failed|status must be one of ok, error, unset, was 'failed'",
            "agentId|x|unknown parameter 'agentId'; known: agent_id, conversation_id, cursor, from, handoff, max_confidence, message_type, min_confidence, model, page, page_size, session_id, status, tag, to, user_id",
            "cursor|garbage|cursor is not one this server issued"})
    void badListParametersAre400NamingTheParameter(String name, String value, String message) {
        Response r = server.get("/api/v1/interactions?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asString()).isEqualTo("urn:sextant:problem:invalid-request");
        assertThat(p.get("detail").asString()).isEqualTo(message);
        if (!name.equals("cursor")) {
            assertThat(p.get("errors").get(0).get("parameter").asString()).isEqualTo(name);
            assertThat(p.get("errors").get(0).get("message").asString()).isEqualTo(message);
        }
    }

    @Test
    void crossFieldProblemsAndSeveralAtOnceAreAllReported() {
        Response r = server.get("/api/v1/interactions/stats?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", ADMIN_KEY);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo("to (2026-11-01T00:00:00Z) must be after from (2026-11-02T00:00:00Z)");

        Response two = server.get("/api/v1/interactions?handoff=maybe&status=weird", ADMIN_KEY);
        assertThat(two.json().get("errors").size()).isEqualTo(2);
        assertThat(two.json().get("detail").asString()).startsWith("2 problems: ");

        Response paging = server.get("/api/v1/interactions/stats?page=2", ADMIN_KEY);
        assertThat(paging.status()).isEqualTo(400);
        assertThat(paging.json().get("errors").get(0).get("parameter").asString()).isEqualTo("page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE traces; --", "%", "_", "🤖 agent \u202e rtl", "\" OR 1=1 --", "a\\b"})
    void hostileStringsAreJustValues(String hostile) {
        String id = "hostile-" + Integer.toHexString(hostile.hashCode());
        String agent = hostile.replace("\\", "\\\\").replace("\"", "\\\"");
        Response ingest = server.post("/api/v1/ingest", ADMIN_KEY, Batches.trace(id, agent, "2026-11-06T10:00:00Z"));
        assertThat(ingest.status()).as(ingest.toString()).isEqualTo(200);
        String q = URLEncoder.encode(hostile, StandardCharsets.UTF_8);
        for (String param : new String[] {"agent_id", "user_id", "model", "tag", "message_type", "conversation_id", "session_id"}) {
            Response r = server.get("/api/v1/interactions?" + param + "=" + q, ADMIN_KEY);
            assertThat(r.status()).as(param + " " + r).isEqualTo(200);
            assertThat(server.get("/api/v1/interactions/stats?" + param + "=" + q, ADMIN_KEY).status()).isEqualTo(200);
        }
        JsonNode items = server.get("/api/v1/interactions?agent_id=" + q, ADMIN_KEY).json().get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("agent_id").asString()).isEqualTo(hostile);
        assertThat(server.get("/api/v1/interactions?agent_id=" + q + "x", ADMIN_KEY).json().get("items").size()).isZero();
    }

    @Test
    void malformedIngestBodiesAre400() {
        Response notJson = server.post("/api/v1/ingest", ADMIN_KEY, "{\"batch\": [");
        assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
        assertThat(notJson.json().get("type").asString()).isEqualTo("urn:sextant:problem:malformed-body");
        assertThat(notJson.json().get("detail").asString()).isNotBlank();
        Response noBatch = server.post("/api/v1/ingest", ADMIN_KEY, "{\"items\": []}");
        assertThat(noBatch.status()).isEqualTo(400);
        assertThat(noBatch.json().get("detail").asString()).contains("batch");
    }

    @Test
    void ingestNeedsJson() {
        Response r = server.send(SextantTestServer.authorized(server.request("/api/v1/ingest"), ADMIN_KEY)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:sextant:problem:unsupported-media-type");
        assertThat(r.json().get("detail").asString()).isEqualTo("the request has Content-Type text/plain; send application/json");
    }

    @Test
    void anOversizeBodyIs413BeforeOrWhileReading() {
        byte[] big = new byte[LIMIT + 1];
        Arrays.fill(big, (byte) ' ');
        Response declared = server.send(SextantTestServer.authorized(server.request("/api/v1/ingest"), ADMIN_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
        assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
        assertThat(declared.json().get("detail").asString()).isEqualTo("the request body is " + (LIMIT + 1)
                + " bytes (Content-Length), over the limit of " + LIMIT + " bytes; split the batch into smaller requests");

        // Chunked: no Content-Length, so the ingest path counts the bytes as it reads.
        Response streamed = server.send(SextantTestServer.authorized(server.request("/api/v1/ingest"), ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertThat(streamed.status()).as(streamed.toString()).isEqualTo(413);
        assertThat(streamed.json().get("type").asString()).isEqualTo("urn:sextant:problem:payload-too-large");
    }

    @Test
    void springsOwnFailuresHaveTheSameShape() {
        Response unknown = server.get("/api/v1/nothing-here", ADMIN_KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(unknown.json().get("detail").asString()).isEqualTo("no endpoint at /api/v1/nothing-here; see docs/API.md");

        Response method = server.send(SextantTestServer.authorized(server.request("/api/v1/interactions"), ADMIN_KEY)
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("detail").asString()).isEqualTo("PATCH is not supported at /api/v1/interactions; supported: GET");

        Response malformed = server.post("/api/v1/api-keys", ADMIN_KEY, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:sextant:problem:malformed-body");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at dev.sextant");

        Response wrongType = server.post("/api/v1/api-keys", ADMIN_KEY, "{\"name\": \"x\", \"scopes\": 5}");
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes");

        Response wrongPrice = server.post("/api/v1/prices", ADMIN_KEY, "{\"model\": \"m\", \"input\": \"cheap\", \"output\": 1}");
        assertThat(wrongPrice.status()).as(wrongPrice.toString()).isEqualTo(400);
        assertThat(wrongPrice.json().get("errors").get(0).get("field").asString()).isEqualTo("input");
        assertThat(wrongPrice.body()).doesNotContain("java.");
    }
}
