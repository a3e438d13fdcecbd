package dev.sextant.server.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SextantStore;
import dev.sextant.store.Webhook;
import dev.sextant.store.WebhookDelivery;
import dev.sextant.store.WebhookStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks. Their URLs often are credentials themselves (a Slack incoming-webhook URL is), so
 * listing them needs config:write like changing them; the secret is shown only in the answer
 * that creates the webhook. Deliveries hold no secrets and are readable with analytics:view.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {
    private final WebhookStore webhooks;

    private final AuditTrail audit;

    WebhookController(SextantStore store, AuditTrail audit) {
        this.webhooks = store.webhooks();
        this.audit = audit;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookView(String id, String url, String format, Instant createdAt, String secret) {
        static WebhookView of(Webhook w, boolean withSecret) {
            return new WebhookView(w.id(), w.url(), w.format().wire(), w.createdAt(), withSecret ? w.secret() : null);
        }
    }

    record Webhooks(List<WebhookView> items) {}

    record DeliveryView(String id, String webhookId, String alertId, String event, String status, int attempts,
            Integer lastStatusCode, String lastError, Instant createdAt, Instant lastAttemptAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id(), d.webhookId(), d.alertId(), d.event(), d.status().wire(), d.attempts(),
                    d.lastStatusCode(), d.lastError(), d.createdAt(), d.lastAttemptAt());
        }
    }

    record Deliveries(List<DeliveryView> items) {}

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<WebhookView> create(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @RequestBody WebhookBody body) {
        AlertRuleController.noParameters(request);
        if (body == null) {
            throw InvalidRequestException.of(FieldProblem.field("body", "a JSON object is required"));
        }
        WebhookBody.Checked hook = body.validated();
        Webhook created = webhooks.create(caller.workspace(), hook.url(), hook.secret(), hook.format());
        audit.record(caller, "webhook.create", "webhook", created.id(), AuditTrail.details("host", String.valueOf(java.net.URI.create(created.url()).getHost()), "format", String.valueOf(created.format())));
        return ResponseEntity.status(HttpStatus.CREATED).body(WebhookView.of(created, true));
    }

    @GetMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    Webhooks list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        AlertRuleController.noParameters(request);
        return new Webhooks(webhooks.list(caller.workspace()).stream().map(w -> WebhookView.of(w, false)).toList());
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id) {
        AlertRuleController.noParameters(request);
        if (!webhooks.delete(caller.workspace(), id)) {
            throw new NotFoundException("webhook", id);
        }
        audit.record(caller, "webhook.delete", "webhook", id, AuditTrail.details());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Deliveries deliveries(@AuthenticationPrincipal Caller caller, HttpServletRequest request, @PathVariable String id) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "limit");
        int limit = p.whole("limit", 1, 200, 50);
        p.done();
        if (webhooks.find(caller.workspace(), id).isEmpty()) {
            throw new NotFoundException("webhook", id);
        }
        return new Deliveries(webhooks.deliveries(caller.workspace(), id, limit).stream().map(DeliveryView::of).toList());
    }
}
