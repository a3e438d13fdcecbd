package dev.sextant.server.alerts;

import dev.sextant.store.Alert;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An alert as the API (and the JSON webhook) shows it; {@code details} are the numbers it last fired on. */
record AlertView(String id, String dedupeKey, String source, String ruleId, String title, String severity,
        String status, Double value, long occurrences, Instant startedAt, Instant lastSeenAt, Instant resolvedAt,
        Instant acknowledgedAt, String acknowledgedBy, JsonNode details) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static AlertView of(Alert a) {
        return new AlertView(a.id(), a.dedupeKey(), a.source(), a.ruleId(), a.title(), a.severity().wire(),
                a.status().wire(), a.value(), a.occurrences(), a.startedAt(), a.lastSeenAt(), a.resolvedAt(),
                a.acknowledgedAt(), a.acknowledgedBy(), a.details() == null ? null : JSON.readTree(a.details()));
    }
}
