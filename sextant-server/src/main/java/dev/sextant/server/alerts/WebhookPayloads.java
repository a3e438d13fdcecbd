package dev.sextant.server.alerts;

import dev.sextant.store.Alert;
import dev.sextant.store.Webhook.Format;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook bodies. {@code json}: {@code {"event": "alert.fired" | "alert.resolved", "alert": {...}}}
 * with the alert as the API shows it. {@code slack}: a Slack incoming-webhook message,
 * {@code {"text": ..., "blocks": [...]}} (the text is the notification fallback).
 */
final class WebhookPayloads {
    private WebhookPayloads() {}

    static byte[] body(JsonMapper json, Format format, String event, Alert alert) {
        AlertView view = AlertView.of(alert);
        Object body = switch (format) {
            case JSON -> Map.of("event", "alert." + event, "alert", view);
            case SLACK -> slack(event, view);
        };
        return json.writeValueAsBytes(body);
    }

    private static Map<String, Object> slack(String event, AlertView a) {
        String reason = reason(a.details());
        String headline = "[" + a.severity().toUpperCase(java.util.Locale.ROOT) + "] " + a.title() + " is "
                + (WebhookDispatcher.FIRED.equals(event) ? "firing" : "resolved");
        String text = headline + (reason == null ? "" : ": " + reason);
        String context = "alert " + a.id() + (a.ruleId() == null ? "" : " · rule " + a.ruleId()) + " · started "
                + a.startedAt() + (a.resolvedAt() == null ? "" : " · resolved " + a.resolvedAt());
        return Map.of("text", escape(text), "blocks", List.of(
                Map.of("type", "section", "text", Map.of("type", "mrkdwn",
                        "text", "*" + escape(headline) + "*" + (reason == null ? "" : "\n" + escape(reason)))),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", escape(context))))));
    }

    private static String reason(JsonNode details) {
        JsonNode reason = details == null ? null : details.get("reason");
        return reason == null || !reason.isString() ? null : reason.asString();
    }

    /** Slack's three control characters in message text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
