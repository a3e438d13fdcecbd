package dev.sextant.server.configurations;

import dev.sextant.store.ImpactLevel;
import tools.jackson.databind.JsonNode;

/**
 * How much one parameter change can alter what the agent does (docs/API.md, "Impact levels"):
 * <ul>
 * <li>high: any prompt template, the model ({@code behaviour.model}), anything in
 *     {@code workflow} or {@code integrations};
 * <li>medium: a numeric behaviour parameter changed by more than 50% of its old value (or from
 *     0, or added, or removed), any categorical behaviour parameter ({@code tone});
 * <li>low: a numeric behaviour change of at most 50%, anything in {@code interface}.
 * </ul>
 */
final class ImpactRules {
    static final double MEDIUM_RELATIVE_CHANGE = 0.5;

    private ImpactRules() {}

    static ImpactLevel impact(String path, JsonNode old, JsonNode now) {
        String section = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return switch (section) {
            case "prompt_templates", "workflow", "integrations" -> ImpactLevel.HIGH;
            case "behaviour" -> behaviour(path, old, now);
            default -> ImpactLevel.LOW;
        };
    }

    private static ImpactLevel behaviour(String path, JsonNode old, JsonNode now) {
        if (path.equals("behaviour.model")) {
            return ImpactLevel.HIGH;
        }
        if (old == null || now == null || !old.isNumber() || !now.isNumber()) {
            return ImpactLevel.MEDIUM;
        }
        double before = old.doubleValue();
        double after = now.doubleValue();
        if (before == 0) {
            return after == 0 ? ImpactLevel.LOW : ImpactLevel.MEDIUM;
        }
        return Math.abs(after - before) / Math.abs(before) > MEDIUM_RELATIVE_CHANGE ? ImpactLevel.MEDIUM : ImpactLevel.LOW;
    }
}
