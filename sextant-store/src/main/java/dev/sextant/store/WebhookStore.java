package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Webhook.Format;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A workspace's webhooks and the record of every delivery to them. */
public interface WebhookStore {

    Webhook create(WorkspaceId workspace, String url, String secret, Format format);

    Optional<Webhook> find(WorkspaceId workspace, String webhookId);

    /** Oldest first (then id). */
    List<Webhook> list(WorkspaceId workspace);

    boolean delete(WorkspaceId workspace, String webhookId);

    /** Records a delivery about to be attempted (status pending, no attempts yet). */
    WebhookDelivery addDelivery(WorkspaceId workspace, String webhookId, String alertId, String event, Instant at);

    /** Records the outcome of the latest attempt of a delivery. */
    void recordAttempt(WorkspaceId workspace, String deliveryId, WebhookDelivery.Status status, int attempts,
            Integer statusCode, String error, Instant at);

    /** The webhook's deliveries, newest first (then id), at most {@code limit}. */
    List<WebhookDelivery> deliveries(WorkspaceId workspace, String webhookId, int limit);
}
