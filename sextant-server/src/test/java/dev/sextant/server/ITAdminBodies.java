package dev.sextant.server;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every JSON body of the admin API against malformed, wrong-shape, wrong-type, misspelt,
 * oversize and hostile input: a specific 400 or 413 in the one problem shape, or — for hostile
 * strings — stored and shown back exactly.
 */
class ITAdminBodies {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final String[] ENDPOINTS = {
        "/api/v1/api-keys", "/api/v1/workspaces", "/api/v1/prices", "/api/v1/costs/recalculate"};

    static Stream<String> endpoints() {
        return Stream.of(ENDPOINTS);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void malformedJsonIs400WithWhere(String endpoint) {
        Response r = server.post(endpoint, ADMIN_KEY, "{\"name\": ");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:sextant:problem:malformed-body");
        assertThat(r.json().get("detail").asString()).startsWith("the request body is not valid JSON (line 1, column")
                .doesNotContain("Source").doesNotContain("REDACTED");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anArrayInsteadOfAnObjectIs400(String endpoint) {
        Response r = server.post(endpoint, ADMIN_KEY, "[1, 2]");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo("the request body must be an object, was an array (line 1, column 1)");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aMisspeltFieldIs400NamingIt(String endpoint) {
        Response r = server.post(endpoint, ADMIN_KEY, "{\"nmae\": \"x\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("nmae");
        assertThat(r.json().get("detail").asString()).startsWith("nmae: is not a field of this request");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anOversizeBodyIs413(String endpoint) {
        String huge = "{\"name\": \"" + "a".repeat(1_200_000) + "\"}";
        Response r = server.post(endpoint, ADMIN_KEY, huge);
        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.json().get("limit_bytes").asLong()).isEqualTo(1_048_576);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("/api/v1/api-keys", "{\"name\": 5, \"scopes\": [\"admin\"]}", "name: must be a string, was 5 (line 1, column 10)"),
                Arguments.of("/api/v1/api-keys", "{\"name\": \"k\", \"scopes\": \"admin\"}", "scopes: must be an array, was a string (line 1, column 25)"),
                Arguments.of("/api/v1/api-keys", "{\"name\": \"k\", \"scopes\": [true]}", "scopes[0]: must be a string, was true (line 1, column 26)"),
                Arguments.of("/api/v1/workspaces", "{\"slug\": [\"a\"], \"name\": \"x\"}", "slug: must be a string, was an array (line 1, column 10)"),
                Arguments.of("/api/v1/prices", "{\"model\": \"m\", \"input\": \"abc\", \"output\": 1}", "input: must be a number, was 'abc' (line 1, column 25)"),
                Arguments.of("/api/v1/prices", "{\"model\": \"m\", \"input\": 1, \"output\": 1, \"valid_from\": \"yesterday\"}",
                        "valid_from: must be a date like 2026-11-01, was 'yesterday' (line 1, column 55)"),
                Arguments.of("/api/v1/prices", "{\"model\": \"m\", \"input\": 1, \"output\": 1, \"valid_from\": 20000}",
                        "valid_from: must be a date like 2026-11-01, was a number (line 1, column 55)"),
                Arguments.of("/api/v1/costs/recalculate", "{\"from\": 12, \"to\": \"2026-11-02T00:00:00Z\"}",
                        "from: must be an RFC 3339 time like 2026-11-01T10:00:00Z, was a number (line 1, column 10)"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void wrongTypesAre400NamingTheField(String endpoint, String body, String detail) {
        Response r = server.post(endpoint, ADMIN_KEY, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo(detail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE api_keys; --", "ключ 🔑 \u202Emirror", "%_\\\"quoted\\\""})
    void hostileKeyNamesAreStoredExactly(String name) {
        String json = "{\"name\": \"" + name + "\", \"scopes\": [\"analytics:view\"]}";
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY, json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String expected = created.json().get("name").asString();
        JsonNode listed = server.get("/api/v1/api-keys", ADMIN_KEY).json();
        assertThat(listed.findValuesAsString("name")).contains(expected);
        assertThat(server.get("/api/v1/interactions", created.json().get("secret").asString()).status()).isEqualTo(200);
    }

    @Test
    void aHostileModelNameInAPriceIsJustAName() {
        Response created = server.post("/api/v1/prices", ADMIN_KEY,
                "{\"model\": \"'; DROP TABLE model_prices; --\", \"match_pattern\": \"evil-model\", \"input\": 1, \"output\": 2}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode overrides = server.get("/api/v1/prices", ADMIN_KEY).json().get("overrides");
        assertThat(overrides.findValuesAsString("model")).contains("'; DROP TABLE model_prices; --");
    }
}
