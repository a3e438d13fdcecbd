package dev.sextant.server.alerts;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Alert;
import dev.sextant.store.AlertSignal;
import dev.sextant.store.AlertStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.Webhook;
import dev.sextant.store.WebhookStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Raising and resolving alerts for producers that are not rules. Their alerts have no webhook list
 * of their own: an alert that opens or resolves is sent to every webhook of the workspace.
 */
@Component
public class AlertRaiser {
    private final AlertStore alerts;
    private final WebhookStore webhooks;
    private final WebhookDispatcher dispatcher;

    AlertRaiser(SextantStore store, WebhookDispatcher dispatcher) {
        this.alerts = store.alerts();
        this.webhooks = store.webhooks();
        this.dispatcher = dispatcher;
    }

    /** Opens the signal's alert (notifying) or updates the open one (silently). */
    public Alert raise(WorkspaceId workspace, AlertSignal signal, Instant now) {
        AlertStore.Raised raised = alerts.raise(workspace, signal, now);
        if (raised.opened()) {
            dispatcher.send(workspace, allHooks(workspace), raised.alert(), WebhookDispatcher.FIRED);
        }
        return raised.alert();
    }

    /** Resolves the open alert of the key, if any (notifying); a read only when none is open. */
    public Optional<Alert> resolve(WorkspaceId workspace, String dedupeKey, Instant now) {
        if (alerts.findOpen(workspace, dedupeKey).isEmpty()) {
            return Optional.empty();
        }
        Optional<Alert> resolved = alerts.resolve(workspace, dedupeKey, now);
        resolved.ifPresent(a -> dispatcher.send(workspace, allHooks(workspace), a, WebhookDispatcher.RESOLVED));
        return resolved;
    }

    private List<String> allHooks(WorkspaceId workspace) {
        return webhooks.list(workspace).stream().map(Webhook::id).toList();
    }
}
