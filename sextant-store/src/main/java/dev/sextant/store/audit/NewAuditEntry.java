package dev.sextant.store.audit;

import java.util.Objects;

/**
 * One administrative or configuration action to record. {@code actorId} is a user id or an API
 * key id and {@code actorName} its e-mail or key name: never a secret. {@code detailsJson} is a
 * JSON object of what changed, written by the caller; the store keeps it as text, byte for byte.
 */
public record NewAuditEntry(AuditActorKind actorKind, String actorId, String actorName, String action,
        String targetType, String targetId, String detailsJson, String sourceIp, String userAgent, String requestId) {

    public NewAuditEntry {
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        if (action.isBlank() || action.length() > 64) {
            throw new IllegalArgumentException("an audit action is 1 to 64 characters, was '" + action + "'");
        }
        detailsJson = detailsJson == null ? "{}" : detailsJson;
    }
}
