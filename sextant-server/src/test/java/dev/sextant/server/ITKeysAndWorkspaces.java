package dev.sextant.server;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class ITKeysAndWorkspaces {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Test
    void aKeyIsCreatedShownOnceListedWithoutSecretsAndRevoked() {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY, "{\"name\": \"ci\", \"scopes\": [\"ingest:write\", \"analytics:view\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode key = created.json();
        String secret = key.get("secret").asString();
        assertThat(secret).matches("sk-sx-[0-9A-Za-z]{32}");
        assertThat(key.get("prefix").asString()).isEqualTo(secret.substring(0, 12));
        assertThat(key.get("scopes").toString()).isEqualTo("[\"ingest:write\",\"analytics:view\"]");
        assertThat(server.get("/api/v1/interactions", secret).status()).isEqualTo(200);

        Response list = server.get("/api/v1/api-keys", ADMIN_KEY);
        assertThat(list.body()).doesNotContain(secret).doesNotContain("secret").doesNotContain("hash");
        assertThat(list.json().get("items").size()).isGreaterThanOrEqualTo(2);

        assertThat(server.delete("/api/v1/api-keys/" + key.get("id").asString(), ADMIN_KEY).status()).isEqualTo(204);
        assertThat(server.get("/api/v1/interactions", secret).status()).isEqualTo(401);
        assertThat(server.delete("/api/v1/api-keys/key-that-is-not-there", ADMIN_KEY).status()).isEqualTo(404);
    }

    @Test
    void keyRequestsAreValidated() {
        Response unknownScope = server.post("/api/v1/api-keys", ADMIN_KEY, "{\"name\": \"x\", \"scopes\": [\"root\"]}");
        assertThat(unknownScope.status()).isEqualTo(400);
        assertThat(unknownScope.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes");
        assertThat(unknownScope.json().get("detail").asString())
                .isEqualTo("unknown scope 'root'; valid scopes: ingest:write, analytics:view, config:write, admin");
        Response noName = server.post("/api/v1/api-keys", ADMIN_KEY, "{\"scopes\": []}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").size()).isEqualTo(2);
    }

    @Test
    void theInstanceAdminCreatesWorkspacesWithTheirFirstAdminKey() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"team-a\", \"name\": \"Team A 🚀\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode ws = created.json().get("workspace");
        assertThat(ws.get("slug").asString()).isEqualTo("team-a");
        assertThat(ws.get("name").asString()).isEqualTo("Team A 🚀");
        String teamKey = created.json().get("admin_key").get("secret").asString();
        JsonNode own = server.get("/api/v1/workspace", teamKey).json();
        assertThat(own.get("id").asString()).isEqualTo(ws.get("id").asString());

        Response taken = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"team-a\", \"name\": \"Again\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("type").asString()).isEqualTo("urn:sextant:problem:conflict");

        Response bad = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"Team A\", \"name\": \"x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).isEqualTo("slug must be 1-64 characters of a-z, 0-9 and '-', was 'Team A'");
    }
}
