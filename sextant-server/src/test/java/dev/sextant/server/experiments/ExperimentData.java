package dev.sextant.server.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingested traffic of an experiment with a known answer: per variant, a number of units (users)
 * with one trace each, spread over the days since {@code start}, a given share of them successful
 * (exactly: unit i succeeds when i mod 10 is below rate × 10), each rated 4, with the same
 * duration and cost in every variant so that no guardrail moves.
 */
final class ExperimentData {
    private final SextantTestServer server;

    ExperimentData(SextantTestServer server) {
        this.server = server;
    }

    /** Sends {@code units} traces of variant {@code variant} of {@code experiment}, in batches. */
    void units(String key, String experiment, String variant, int units, double successRate, Instant start, int days) {
        List<String> items = new ArrayList<>();
        long spread = Duration.ofDays(days).toMinutes();
        for (int i = 0; i < units; i++) {
            String id = experiment + "-" + variant + "-" + i;
            Instant at = start.plus(Duration.ofMinutes(i * spread / units + 1));
            boolean ok = i % 10 < Math.round(successRate * 10);
            items.add("""
                    {"type": "trace", "body": {"id": "%s", "agent_id": "support-bot", "user_id": "%s-user-%d",
                     "name": "answer", "status": "%s", "started_at": "%s", "ended_at": "%s",
                     "experiment_id": "%s", "variant_id": "%s"}}""".formatted(id, variant, i, ok ? "ok" : "error", at,
                    at.plusMillis(900), experiment, variant));
            items.add("""
                    {"type": "score", "body": {"id": "%s-r", "trace_id": "%s", "name": "user_rating", "value": 4}}"""
                    .formatted(id, id));
        }
        for (int from = 0; from < items.size(); from += 2000) {
            Response r = server.post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",",
                    items.subList(from, Math.min(items.size(), from + 2000))) + "]}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
    }

    /** A running 50/50 definition of a (control) and b judged by success rate, planned to have started at {@code start}. */
    static String running(String id, Instant start, boolean autoConclude) {
        return """
                {"id": "%s", "name": "%s", "start": true, "auto_conclude": %s,
                 "variants": [
                   {"id": "a", "configuration_version": "support-prompt-v1", "allocation": 50, "control": true},
                   {"id": "b", "configuration_version": "support-prompt-v2", "allocation": 50}],
                 "success_metrics": ["success_rate"], "minimum_sample_size": 300,
                 "minimum_detectable_effect": 0.05, "baseline": 0.5, "starts_at": "%s"}""".formatted(id, id, autoConclude,
                start);
    }
}
