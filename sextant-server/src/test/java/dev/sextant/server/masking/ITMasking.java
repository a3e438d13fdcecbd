package dev.sextant.server.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The masking API through the real server on DuckDB: scopes, hostile and oversize rules, the
 * preview, the defaults, and tenant isolation (one workspace's rules never apply to another's
 * data; counters per workspace). {@link ITMaskingStorage} proves the originals never reach disk or log.
 */
class ITMasking {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    static final MaskingTraffic traffic = new MaskingTraffic(server);

    @Test
    void defaultsMaskCardsAndKeysOnlyAndRulesStayInTheirWorkspace() {
        String one = traffic.workspace("mask-one");
        String two = traffic.workspace("mask-two");
        assertThat(traffic.put(one, MaskingTraffic.RULES).status()).isEqualTo(200);
        JsonNode defaults = server.get("/api/v1/governance/masking", two).json();
        assertThat(defaults.get("defaults").asBoolean()).isTrue();
        assertThat(defaults.get("rules").get("detectors").get("payment_card").get("action").asString()).isEqualTo("mask");
        assertThat(defaults.get("rules").get("detectors").get("email").get("action").asString()).isEqualTo("off");

        traffic.ingest(two, "two");
        String stored = server.get("/api/v1/interactions/two-t1", two).json().toString();
        assertThat(stored).contains("[PAYMENT_CARD]", MaskingTraffic.EMAIL, MaskingTraffic.ORDER, MaskingTraffic.USER)
                .doesNotContain(MaskingTraffic.CARD, "[EMAIL");
        assertThat(server.get("/api/v1/interactions/two-t1", one).status()).isEqualTo(404);
        JsonNode counters = server.get("/api/v1/governance/masking", two).json().get("totals");
        assertThat(counters.toString()).contains("payment_card").doesNotContain("email", "order_ref");
        JsonNode oneCounters = server.get("/api/v1/governance/masking", one).json().get("totals");
        assertThat(oneCounters.size()).isZero();
    }

    @Test
    void onlyAdminsChangeRulesOrPreview() {
        String admin = traffic.workspace("mask-scopes");
        String viewer = traffic.key(admin, "viewer", "analytics:view");
        String writer = traffic.key(admin, "writer", "ingest:write", "config:write");
        assertThat(server.get("/api/v1/governance/masking", viewer).status()).isEqualTo(200);
        assertThat(traffic.put(viewer, MaskingTraffic.RULES).status()).isEqualTo(403);
        assertThat(traffic.put(writer, MaskingTraffic.RULES).status()).isEqualTo(403);
        assertThat(server.post("/api/v1/governance/masking/preview", viewer, "{\"text\": \"x\"}").status()).isEqualTo(403);
        assertThat(traffic.put(null, MaskingTraffic.RULES).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/governance/masking", "sk-not-a-key-000000000000").status()).isEqualTo(401);
    }

    @Test
    void badRulesAre400NamingEachRuleAndChangeNothing() {
        String admin = traffic.workspace("mask-bad");
        Response r = traffic.put(admin, """
                {"detectors": {"email": {"action": "scramble"}, "fingerprint": {"action": "mask"}},
                 "custom": [{"name": "broken", "pattern": "abc(def", "action": "mask"},
                            {"name": "redos", "pattern": "(a+)+$", "action": "mask"},
                            {"name": "backref", "pattern": "(x)\\\\1", "action": "mask"},
                            {"name": "EMAIL", "pattern": "x", "action": "mask"},
                            {"name": "huge", "pattern": "%s", "action": "mask"},
                            {"name": "slow", "pattern": "\\\\w*\\\\w*\\\\w*\\\\w*!x", "action": "mask"},
                            {"name": "targets", "pattern": "x", "action": "mask", "applies_to": ["logs"]}],
                 "hash_user_ids": "yes", "extra": 1}""".formatted("x".repeat(300)));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        String errors = r.json().get("errors").toString();
        assertThat(errors).contains("/detectors/email/action", "unknown action 'scramble'", "/detectors/fingerprint",
                "/custom/0/pattern", "invalid regular expression at position 7", "/custom/1/pattern", "quantified group",
                "/custom/2/pattern", "back-references", "/custom/3/name", "/custom/4/pattern", "over the limit of 256",
                "/custom/5/pattern", "needs more than", "/custom/6/applies_to/0", "/hash_user_ids", "/extra");
        assertThat(server.get("/api/v1/governance/masking", admin).json().get("defaults").asBoolean()).isTrue();

        assertThat(traffic.put(admin, "[1, 2]").status()).isEqualTo(400);
        assertThat(traffic.put(admin, "{\"detectors\": ").status()).isEqualTo(400);
        assertThat(traffic.put(admin, "{\"custom\": " + "[{\"name\": \"a\", \"pattern\": \"x\", \"action\": \"mask\"}, ".repeat(21)
                .replaceAll(", $", "") + "]}").status()).isEqualTo(400);
        assertThat(traffic.put(admin, "{\"detectors\": {\"email\": {\"action\": \"mask\", \"applies_to\": \""
                + "x".repeat(2_000_000) + "\"}}}").status()).isEqualTo(413);
        assertThat(server.get("/api/v1/governance/masking?days=0", admin).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/governance/masking?days=%00", admin).status()).isEqualTo(400);
    }

    @Test
    void previewShowsWhatATextWouldBecome() {
        String admin = traffic.workspace("mask-preview");
        Response current = server.post("/api/v1/governance/masking/preview", admin,
                "{\"text\": \"card " + MaskingTraffic.CARD + " mail " + MaskingTraffic.EMAIL + "\"}");
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.json().get("text").asString()).isEqualTo("card [PAYMENT_CARD] mail " + MaskingTraffic.EMAIL);
        assertThat(current.json().get("findings").get(0).get("start").asInt()).isEqualTo(5);

        Response tried = server.post("/api/v1/governance/masking/preview", admin,
                "{\"text\": \"call " + MaskingTraffic.PHONE + "\", \"applies_to\": \"outputs\", \"rules\": "
                        + "{\"detectors\": {\"phone\": {\"action\": \"drop\"}}}}");
        assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
        assertThat(tried.json().get("dropped").asBoolean()).isTrue();
        assertThat(tried.json().get("text").isNull()).isTrue();
        assertThat(server.post("/api/v1/governance/masking/preview", admin, "{\"text\": 5}").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/governance/masking/preview", admin, "{\"text\": \"x\", \"rules\": "
                + "{\"custom\": [{\"name\": \"r\", \"pattern\": \"(\", \"action\": \"mask\"}]}}").json().get("errors")
                .toString()).contains("/rules/custom/0/pattern");
        assertThat(server.post("/api/v1/governance/masking/preview", admin, "{\"text\": \"" + "a".repeat(70_000) + "\"}")
                .status()).isEqualTo(413);
    }

    @Test
    void otlpSpansAreMaskedToo() {
        String admin = traffic.workspace("mask-otlp");
        long t0 = java.time.Instant.now().minusSeconds(60).toEpochMilli() * 1_000_000L;
        String json = """
                {"resourceSpans": [{"scopeSpans": [{"spans": [
                  {"traceId": "1af7651916cd43dd8448eb211c80319c", "spanId": "c7ad6b7169203331", "name": "chat",
                   "startTimeUnixNano": "%d", "endTimeUnixNano": "%d", "attributes": [
                     {"key": "note", "value": {"stringValue": "card %s key %s"}}]}]}]}]}"""
                .formatted(t0, t0 + 1_000_000, MaskingTraffic.CARD, MaskingTraffic.GITHUB);
        Response sent = server.send(SextantTestServer.authorized(server.request("/v1/traces"), admin)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        Response read = server.get("/api/v1/interactions/1af7651916cd43dd8448eb211c80319c", admin);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body()).contains("[PAYMENT_CARD]", "[API_KEY]").doesNotContain(MaskingTraffic.CARD, MaskingTraffic.GITHUB);
        assertThat(server.get("/api/v1/governance/masking", admin).json().get("totals").toString())
                .contains("\"detector\":\"api_key\",\"action\":\"mask\",\"count\":1",
                        "\"detector\":\"payment_card\",\"action\":\"mask\",\"count\":1");
    }
}
