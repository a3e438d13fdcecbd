package dev.sextant.server.alerts;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Alert;
import dev.sextant.store.SextantStore;
import dev.sextant.store.Webhook;
import dev.sextant.store.WebhookDelivery;
import dev.sextant.store.WebhookStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers alert events to webhooks, off the caller's thread and outside any store transaction:
 * each delivery is recorded, then POSTed with {@link java.net.http.HttpClient}, signed (see
 * {@link WebhookSignature}), and retried with exponential backoff on 5xx, 408, 429 and on no
 * answer (timeouts, refused connections), up to {@code sextant.alerts.max-attempts}. Every attempt
 * is recorded on the delivery (attempts, last status, last error). Redirects are not followed.
 */
@Component
class WebhookDispatcher implements DisposableBean {
    static final String FIRED = "fired";
    static final String RESOLVED = "resolved";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR = 500;

    private final WebhookStore webhooks;
    private final AlertSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sextant-webhook-retries").factory());

    WebhookDispatcher(SextantStore store, AlertSettings settings, JsonMapper json, Clock clock) {
        this.webhooks = store.webhooks();
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Queues the event for each of the webhooks that (still) exist; returns at once. */
    void send(WorkspaceId workspace, List<String> webhookIds, Alert alert, String event) {
        for (String id : webhookIds) {
            senders.execute(() -> {
                try {
                    Optional<Webhook> hook = webhooks.find(workspace, id);
                    if (hook.isEmpty()) {
                        log.info("alert {} {}: webhook {} no longer exists, skipped", alert.id(), event, id);
                        return;
                    }
                    byte[] body = WebhookPayloads.body(json, hook.get().format(), event, alert);
                    WebhookDelivery delivery = webhooks.addDelivery(workspace, id, alert.id(), event, clock.instant());
                    attempt(workspace, hook.get(), delivery, event, body, 1);
                } catch (RuntimeException e) {
                    log.warn("alert {} {}: queuing the delivery to webhook {} failed: {}", alert.id(), event, id,
                            e.toString());
                }
            });
        }
    }

    private void attempt(WorkspaceId workspace, Webhook hook, WebhookDelivery delivery, String event, byte[] body,
            int attempt) {
        Integer status = null;
        String error = null;
        try {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url()))
                    .timeout(settings.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Sextant-Webhook/1")
                    .header("X-Sextant-Event", "alert." + event)
                    .header("X-Sextant-Delivery", delivery.id())
                    .header("X-Sextant-Timestamp", Long.toString(timestamp))
                    .header("X-Sextant-Signature", WebhookSignature.sign(hook.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted (server stopping)";
        } catch (RuntimeException e) {
            error = e.toString();
        }
        boolean delivered = error == null;
        boolean retry = !delivered && attempt < settings.maxAttempts() && !Thread.currentThread().isInterrupted()
                && (status == null || status >= 500 || status == 408 || status == 429);
        WebhookDelivery.Status outcome = delivered ? WebhookDelivery.Status.DELIVERED
                : retry ? WebhookDelivery.Status.PENDING : WebhookDelivery.Status.FAILED;
        String recorded = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        try {
            webhooks.recordAttempt(workspace, delivery.id(), outcome, attempt, status, recorded, clock.instant());
        } catch (RuntimeException e) {
            log.warn("recording attempt {} of delivery {} failed: {}", attempt, delivery.id(), e.toString());
        }
        if (retry) {
            Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
            try {
                retries.schedule(() -> senders.execute(() -> attempt(workspace, hook, delivery, event, body,
                        attempt + 1)), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.info("delivery {} not retried: the server is stopping", delivery.id());
            }
        } else if (!delivered) {
            log.warn("delivery {} of alert {} to webhook {} failed after {} attempt(s): {}", delivery.id(),
                    delivery.alertId(), hook.id(), attempt, recorded);
        }
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
        senders.shutdownNow();
    }
}
