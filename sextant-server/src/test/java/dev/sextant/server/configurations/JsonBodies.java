package dev.sextant.server.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;

/** A minimal configuration made once per id (a second call with the same id is answered 409 and ignored). */
final class JsonBodies {
    private JsonBodies() {}

    static void created(SextantTestServer server, String key, String id) {
        Response r = server.post("/api/v1/configurations", key,
                "{\"id\": \"" + id + "\", \"agent_id\": \"bot\", \"content\": {\"behaviour\": {\"temperature\": 0.5}}}");
        assertThat(r.status()).as(r.toString()).isIn(201, 409);
    }
}
