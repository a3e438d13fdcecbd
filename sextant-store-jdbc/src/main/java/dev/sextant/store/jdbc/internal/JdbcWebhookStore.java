package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Webhook;
import dev.sextant.store.Webhook.Format;
import dev.sextant.store.WebhookDelivery;
import dev.sextant.store.WebhookStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Webhooks and their delivery records. Deleting a webhook keeps its deliveries' history. */
final class JdbcWebhookStore implements WebhookStore {
    private static final String COLUMNS = "id, url, secret, format, created_at";
    private static final String DELIVERY_COLUMNS = "id, webhook_id, alert_id, event, status, attempts,"
            + " last_status_code, last_error, created_at, last_attempt_at";

    private final Database database;
    private final Clock clock;

    JdbcWebhookStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Webhook create(WorkspaceId workspace, String url, String secret, Format format) {
        Webhook hook = new Webhook(Ids.next("hook_"), url, secret, format,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return database.write("creating a webhook", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhooks (workspace_id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), hook.id(), url, secret, format.wire(),
                        hook.createdAt()));
                insert.executeUpdate();
            }
            return hook;
        });
    }

    @Override
    public Optional<Webhook> find(WorkspaceId workspace, String webhookId) {
        List<Webhook> found = select(workspace, " AND id = ?", webhookId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    @Override
    public List<Webhook> list(WorkspaceId workspace) {
        return select(workspace, "", null);
    }

    @Override
    public boolean delete(WorkspaceId workspace, String webhookId) {
        return database.write("deleting webhook " + webhookId, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM webhooks WHERE workspace_id = ? AND id = ?")) {
                delete.setString(1, workspace.value());
                delete.setString(2, webhookId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public WebhookDelivery addDelivery(WorkspaceId workspace, String webhookId, String alertId, String event,
            Instant at) {
        WebhookDelivery delivery = new WebhookDelivery(Ids.next("dlv_"), webhookId, alertId, event,
                WebhookDelivery.Status.PENDING, 0, null, null, at.truncatedTo(ChronoUnit.MICROS), null);
        return database.write("recording a webhook delivery", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_deliveries (workspace_id, "
                    + DELIVERY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), delivery.id(), webhookId, alertId, event,
                        delivery.status().wire(), 0, null, null, delivery.createdAt(), null));
                insert.executeUpdate();
            }
            return delivery;
        });
    }

    @Override
    public void recordAttempt(WorkspaceId workspace, String deliveryId, WebhookDelivery.Status status, int attempts,
            Integer statusCode, String error, Instant at) {
        database.write("recording a delivery attempt", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE webhook_deliveries SET status = ?, attempts = ?,"
                    + " last_status_code = ?, last_error = ?, last_attempt_at = ? WHERE workspace_id = ? AND id = ?")) {
                SqlValues.bind(update, Arrays.asList(status.wire(), attempts, statusCode, error,
                        at.truncatedTo(ChronoUnit.MICROS), workspace.value(), deliveryId));
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<WebhookDelivery> deliveries(WorkspaceId workspace, String webhookId, int limit) {
        return database.read("listing webhook deliveries", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries"
                    + " WHERE workspace_id = ? AND webhook_id = ? ORDER BY created_at DESC, "
                    + database.dialect().byteOrder("id") + " DESC LIMIT " + Math.max(1, limit))) {
                select.setString(1, workspace.value());
                select.setString(2, webhookId);
                List<WebhookDelivery> deliveries = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        deliveries.add(new WebhookDelivery(rs.getString("id"), rs.getString("webhook_id"),
                                rs.getString("alert_id"), rs.getString("event"),
                                WebhookDelivery.Status.fromWire(rs.getString("status")), rs.getInt("attempts"),
                                SqlValues.nullableInt(rs, "last_status_code"), rs.getString("last_error"),
                                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "last_attempt_at")));
                    }
                }
                return deliveries;
            }
        });
    }

    private List<Webhook> select(WorkspaceId workspace, String and, String value) {
        return database.read("reading webhooks", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks"
                    + " WHERE workspace_id = ?" + and + " ORDER BY created_at, " + database.dialect().byteOrder("id"))) {
                select.setString(1, workspace.value());
                if (value != null) {
                    select.setString(2, value);
                }
                List<Webhook> hooks = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        hooks.add(read(rs));
                    }
                }
                return hooks;
            }
        });
    }

    private static Webhook read(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString("id"), rs.getString("url"), rs.getString("secret"),
                Format.fromWire(rs.getString("format")), SqlValues.instant(rs, "created_at"));
    }
}
