package dev.sextant.store.audit;

import java.time.Instant;

/** A recorded action: what {@link NewAuditEntry} said, with the id and time the store gave it. */
public record AuditEntry(String id, Instant at, AuditActorKind actorKind, String actorId, String actorName,
        String action, String targetType, String targetId, String detailsJson, String sourceIp, String userAgent,
        String requestId) {}
