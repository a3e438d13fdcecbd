package dev.sextant.server;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class ITPricesAndCosts {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @Test
    void theCatalogAndOverridesAreListed() {
        JsonNode prices = server.get("/api/v1/prices", ADMIN_KEY).json();
        assertThat(prices.get("catalog_version").asString()).isNotBlank();
        assertThat(prices.get("catalog").size()).isPositive();
        assertThat(prices.get("catalog").get(0).has("match_pattern")).isTrue();
        assertThat(prices.get("overrides").size()).isZero();
    }

    @Test
    void anOverridePricesNewSpansAndRecalculationRepricesOldOnes() {
        ingest("pc-1", "2026-10-01T10:00:00Z");
        BigDecimal catalogCost = cost("pc-1");
        assertThat(catalogCost).isEqualByComparingTo("0.000225");

        Response added = server.post("/api/v1/prices", ADMIN_KEY, """
                {"model": "gemini-1.5-flash", "match_pattern": "(?i)gemini-1\\\\.5-flash", "input": 1, "output": 2}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("valid_from").asString()).isEqualTo("1970-01-01");

        ingest("pc-2", "2026-10-01T11:00:00Z");
        BigDecimal overridden = new BigDecimal("0.002"); // 1000 × 1/1M + 500 × 2/1M
        assertThat(cost("pc-2")).isEqualByComparingTo(overridden);
        assertThat(cost("pc-1")).isEqualByComparingTo(catalogCost);

        Response recalculated = server.post("/api/v1/costs/recalculate", ADMIN_KEY,
                "{\"from\": \"2026-10-01T00:00:00Z\", \"to\": \"2026-10-02T00:00:00Z\"}");
        assertThat(recalculated.status()).as(recalculated.toString()).isEqualTo(200);
        assertThat(recalculated.json().get("examined").asLong()).isEqualTo(2);
        assertThat(recalculated.json().get("changed").asLong()).isEqualTo(1);
        assertThat(cost("pc-1")).isEqualByComparingTo(overridden);

        assertThat(server.delete("/api/v1/prices/" + added.json().get("id").asString(), ADMIN_KEY).status()).isEqualTo(204);
        ingest("pc-3", "2026-10-01T12:00:00Z");
        assertThat(cost("pc-3")).isEqualByComparingTo(catalogCost);
    }

    @Test
    void badPricesAre400() {
        Response negative = server.post("/api/v1/prices", ADMIN_KEY, "{\"model\": \"m\", \"input\": -1, \"output\": 1}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("detail").asString()).isEqualTo("input must not be negative, was -1");
        Response regex = server.post("/api/v1/prices", ADMIN_KEY, "{\"model\": \"m\", \"match_pattern\": \"gpt-(4\", \"input\": 1, \"output\": 1}");
        assertThat(regex.status()).isEqualTo(400);
        assertThat(regex.json().get("errors").get(0).get("field").asString()).isEqualTo("match_pattern");
        Response range = server.post("/api/v1/costs/recalculate", ADMIN_KEY, "{\"from\": \"2026-10-02T00:00:00Z\"}");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.json().get("detail").asString()).isEqualTo("to is required: an RFC 3339 time, e.g. 2026-12-01T00:00:00Z");
    }

    private static void ingest(String id, String at) {
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [{"type": "span", "body": {"id": "%s-s", "trace_id": "%s", "kind": "llm", "model": "gemini-1.5-flash",
                  "usage": {"input_tokens": 1000, "output_tokens": 500}, "started_at": "%s"}}]}""".formatted(id, id, at));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static BigDecimal cost(String traceId) {
        return server.get("/api/v1/interactions/" + traceId, ADMIN_KEY).json().get("cost_usd").decimalValue();
    }
}
