package dev.sextant.server;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Batches;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Credentials × endpoints: exact statuses and problem bodies; tenants never see each other. */
class ITAccessControl {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    static String viewerKey;
    static String ingestKey;
    static String revokedKey;
    static String otherWorkspaceAdmin;

    /** Every endpoint with the scope it needs and a request that would otherwise succeed or fail on content. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/ingest", "{\"batch\": []}", "ingest:write"),
                Arguments.of("GET", "/api/v1/interactions", null, "analytics:view"),
                Arguments.of("GET", "/api/v1/interactions/stats", null, "analytics:view"),
                Arguments.of("GET", "/api/v1/interactions/t-x", null, "analytics:view"),
                Arguments.of("GET", "/api/v1/prices", null, "analytics:view"),
                Arguments.of("POST", "/api/v1/prices", "{}", "config:write"),
                Arguments.of("DELETE", "/api/v1/prices/p-x", null, "config:write"),
                Arguments.of("GET", "/api/v1/api-keys", null, "admin"),
                Arguments.of("POST", "/api/v1/api-keys", "{}", "admin"),
                Arguments.of("DELETE", "/api/v1/api-keys/k-x", null, "admin"),
                Arguments.of("POST", "/api/v1/workspaces", "{}", "admin"),
                Arguments.of("POST", "/api/v1/costs/recalculate", "{}", "admin"),
                Arguments.of("GET", "/api/v1/workspace", null, null),
                Arguments.of("GET", "/api/v1/workspaces", null, null));
    }

    @BeforeAll
    static void keys() {
        viewerKey = createKey(ADMIN_KEY, "viewer", "[\"analytics:view\"]");
        ingestKey = createKey(ADMIN_KEY, "ingester", "[\"ingest:write\"]");
        Response revoked = server.post("/api/v1/api-keys", ADMIN_KEY, "{\"name\": \"gone\", \"scopes\": [\"admin\"]}");
        revokedKey = revoked.json().get("secret").asString();
        assertThat(server.delete("/api/v1/api-keys/" + revoked.json().get("id").asString(), ADMIN_KEY).status()).isEqualTo(204);
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"acl-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        otherWorkspaceAdmin = created.json().get("admin_key").get("secret").asString();
    }

    @ParameterizedTest(name = "{0} {1} without a key")
    @MethodSource("endpoints")
    void noKeyIs401(String method, String path, String body, String scope) {
        Response r = call(method, path, body, null);
        assertUnauthorized(r, "this endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
        assertThat(r.header("WWW-Authenticate")).hasValue("Bearer realm=\"sextant\"");
    }

    @ParameterizedTest(name = "{0} {1} with an unknown key")
    @MethodSource("endpoints")
    void unknownKeyIs401(String method, String path, String body, String scope) {
        assertUnauthorized(call(method, path, body, "sk-sx-thisKeyWasNeverIssuedByAnyone00"), "the API key is unknown or revoked");
    }

    @ParameterizedTest(name = "{0} {1} with a revoked key")
    @MethodSource("endpoints")
    void revokedKeyIs401(String method, String path, String body, String scope) {
        assertUnauthorized(call(method, path, body, revokedKey), "the API key is unknown or revoked");
    }

    @ParameterizedTest(name = "{0} {1} with a key lacking the scope")
    @MethodSource("endpoints")
    void missingScopeIs403(String method, String path, String body, String scope) {
        if (scope == null) {
            assertThat(call(method, path, body, ingestKey).status()).isEqualTo(200);
            return;
        }
        String key = scope.equals("ingest:write") ? viewerKey : ingestKey;
        String has = scope.equals("ingest:write") ? "analytics:view" : "ingest:write";
        Response r = call(method, path, body, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asString()).isEqualTo("urn:sextant:problem:forbidden");
        assertThat(p.get("detail").asString())
                .isEqualTo("this endpoint needs the scope '" + scope + "'; this API key has " + has);
        assertThat(p.get("required_scope").asString()).isEqualTo(scope);
        assertThat(p.get("key_scopes").toString()).isEqualTo("[\"" + has + "\"]");
        assertThat(p.get("instance").asString()).isEqualTo(path);
    }

    @Test
    void garbledCredentialsAre401() {
        assertUnauthorized(server.send(server.request("/api/v1/workspace").header("Authorization", "Basic dXNlcjpwYXNz").build()),
                "the Authorization header must be 'Bearer <API key>'");
        assertUnauthorized(server.send(server.request("/api/v1/workspace").header("Authorization", "Bearer").build()),
                "the API key is empty");
        assertUnauthorized(server.send(server.request("/api/v1/workspace").header("Authorization", "Bearer short").build()),
                "the API key is malformed: an API key must start with 'sk-' and be at least 20 characters long");
        assertUnauthorized(server.send(server.request("/api/v1/workspace").header("X-API-Key", "sk-has spaces in it 0123456").build()),
                "the API key is malformed: an API key may hold only visible ASCII characters");
    }

    @Test
    void theXApiKeyHeaderIsAcceptedToo() {
        Response r = server.send(server.request("/api/v1/workspace").header("X-API-Key", ADMIN_KEY).build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("slug").asString()).isEqualTo("default");
    }

    @Test
    void anotherWorkspacesRecordsAre404LikeMissingOnes() {
        assertThat(server.post("/api/v1/ingest", ADMIN_KEY, Batches.trace("acl-t", "acl-agent", "2026-11-05T10:00:00Z")).status())
                .isEqualTo(200);
        assertThat(server.get("/api/v1/interactions/acl-t", ADMIN_KEY).status()).isEqualTo(200);

        Response other = server.get("/api/v1/interactions/acl-t", otherWorkspaceAdmin);
        Response missing = server.get("/api/v1/interactions/acl-none", otherWorkspaceAdmin);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("detail").asString()).isEqualTo("interaction 'acl-t' does not exist in this workspace");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(server.get("/api/v1/interactions?agent_id=acl-agent", otherWorkspaceAdmin).json().get("items").size()).isZero();
        assertThat(server.get("/api/v1/interactions/stats?agent_id=acl-agent", otherWorkspaceAdmin).json().get("interactions").asLong()).isZero();

        String viewerId = keyId(ADMIN_KEY, "viewer");
        Response key = server.delete("/api/v1/api-keys/" + viewerId, otherWorkspaceAdmin);
        assertThat(key.status()).isEqualTo(404);
        assertThat(key.json().get("detail").asString()).isEqualTo("API key '" + viewerId + "' does not exist in this workspace");
        assertThat(server.get("/api/v1/workspace", viewerKey).status()).isEqualTo(200);

        Response price = server.post("/api/v1/prices", ADMIN_KEY, "{\"model\": \"acl-model\", \"input\": 1, \"output\": 2}");
        assertThat(price.status()).as(price.toString()).isEqualTo(201);
        assertThat(server.delete("/api/v1/prices/" + price.json().get("id").asString(), otherWorkspaceAdmin).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/prices", otherWorkspaceAdmin).json().get("overrides").size()).isZero();
    }

    @Test
    void onlyTheInstanceAdminCreatesWorkspacesAndSeesThemAll() {
        Response r = server.post("/api/v1/workspaces", otherWorkspaceAdmin, "{\"slug\": \"acl-nope\", \"name\": \"No\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("detail").asString()).isEqualTo("creating workspaces needs an admin key of the default "
                + "workspace (the instance admin); this key belongs to another workspace");
        assertThat(server.get("/api/v1/workspaces", otherWorkspaceAdmin).json().get("items").size()).isEqualTo(1);
        assertThat(server.get("/api/v1/workspaces", ADMIN_KEY).json().get("items").size()).isGreaterThanOrEqualTo(2);
    }

    static Response call(String method, String path, String body, String key) {
        HttpRequest.Builder b = SextantTestServer.authorized(server.request(path), key);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return server.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static void assertUnauthorized(Response r, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        JsonNode p = r.json();
        assertThat(p.get("type").asString()).isEqualTo("urn:sextant:problem:unauthorized");
        assertThat(p.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(p.get("status").asInt()).isEqualTo(401);
        assertThat(p.get("detail").asString()).isEqualTo(detail);
    }

    static String createKey(String admin, String name, String scopes) {
        Response r = server.post("/api/v1/api-keys", admin, "{\"name\": \"" + name + "\", \"scopes\": " + scopes + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("secret").asString();
    }

    static String keyId(String admin, String name) {
        for (JsonNode key : server.get("/api/v1/api-keys", admin).json().get("items")) {
            if (key.get("name").asString().equals(name)) {
                return key.get("id").asString();
            }
        }
        throw new AssertionError("no key named " + name);
    }
}
