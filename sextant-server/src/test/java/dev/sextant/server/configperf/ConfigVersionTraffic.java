package dev.sextant.server.configperf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The ingest batch both config-version ITs send; see {@link ITConfigVersions} for what it holds. */
final class ConfigVersionTraffic {
    static final String V1 = "support-prompt-v1";
    static final String V2 = "support-prompt-v2";

    private ConfigVersionTraffic() {
    }

    static String batch() {
        List<String> items = new ArrayList<>();
        double[] v1Ratings = {2, 3, 3, 4, 3};
        double[] v2Ratings = {5, 4, 5, 4, 5};
        for (int i = 0; i < 10; i++) {
            items.add(trace("a" + i, "support-bot", V1, Instant.parse("2026-11-01T10:00:00Z").plusSeconds(60L * i),
                    1000 + 100 * i, i < 4 ? "error" : "ok", false));
            items.add(cost("a" + i, "0.01"));
            items.add(trace("b" + i, "support-bot", V2, Instant.parse("2026-11-02T10:00:00Z").plusSeconds(60L * i),
                    500 + 50 * i, "ok", i == 9));
            items.add(cost("b" + i, "0.02"));
            if (i < 5) {
                items.add(rating("a" + i, v1Ratings[i]));
                items.add(rating("b" + i, v2Ratings[i]));
            }
        }
        items.add(trace("c0", "coder", "code-assistant-2.4", Instant.parse("2026-11-03T10:00:00Z"), 2000, "ok", false));
        items.add(trace("s0", "coder", "shared-v", Instant.parse("2026-11-03T11:00:00Z"), 100, "ok", false));
        items.add(trace("s1", "support-bot", "shared-v", Instant.parse("2026-11-03T11:00:00Z"), 100, "ok", false));
        items.add(trace("n0", "support-bot", null, Instant.parse("2026-11-03T12:00:00Z"), 100, "error", false));
        return "{\"batch\": [" + String.join(",\n", items) + "]}";
    }

    private static String trace(String id, String agent, String version, Instant start, long ms, String status,
            boolean handoff) {
        return """
                {"type": "trace", "body": {"id": "%s", "agent_id": "%s", %s "status": "%s", "started_at": "%s",
                  "ended_at": "%s", "handoff": {"triggered": %s}}}""".formatted(id, agent,
                version == null ? "" : "\"config_version\": \"" + version + "\",", status, start,
                start.plusMillis(ms), handoff);
    }

    private static String cost(String trace, String usd) {
        return """
                {"type": "span", "body": {"id": "%s-llm", "trace_id": "%s", "kind": "llm", "name": "generate",
                  "cost_usd": %s}}""".formatted(trace, trace, usd);
    }

    private static String rating(String trace, double value) {
        return """
                {"type": "score", "body": {"id": "%s-r", "trace_id": "%s", "name": "user_rating", "value": %s}}"""
                .formatted(trace, trace, value);
    }
}
