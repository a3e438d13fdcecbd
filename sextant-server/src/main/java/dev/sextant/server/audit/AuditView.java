package dev.sextant.server.audit;

import dev.sextant.store.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An audit entry on the wire (snake_case): details as the JSON object recorded. */
record AuditView(String id, Instant at, Actor actor, String action, Target target, JsonNode details, String sourceIp,
        String userAgent, String requestId) {

    record Actor(String kind, String id, String name) {}

    record Target(String type, String id) {}

    record Page(List<AuditView> items, String nextCursor) {}

    static AuditView of(AuditEntry e, JsonMapper json) {
        return new AuditView(e.id(), e.at(), new Actor(e.actorKind().wire(), e.actorId(), e.actorName()), e.action(),
                new Target(e.targetType(), e.targetId()), json.readTree(e.detailsJson()), e.sourceIp(), e.userAgent(),
                e.requestId());
    }
}
