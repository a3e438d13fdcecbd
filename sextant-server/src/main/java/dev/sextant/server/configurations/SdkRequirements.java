package dev.sextant.server.configurations;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The oldest SDK that can run a content: the highest requirement among the content sections it
 * uses (docs/API.md, "Compatibility"). The SDK 0.1.x hands any content to agents as plain maps,
 * so today every section needs only 0.1.0; the table is where a future section or feature that
 * needs SDK support (typed workflow steps, say) gets a higher requirement.
 */
final class SdkRequirements {
    static final SdkVersion BASE = new SdkVersion(0, 1, 0);

    /** Section name to the oldest SDK that handles it; sections not listed need {@link #BASE}. */
    static final Map<String, SdkVersion> SECTIONS = Map.of(
            "prompt_templates", BASE,
            "behaviour", BASE,
            "interface", BASE,
            "integrations", BASE,
            "workflow", BASE);

    private SdkRequirements() {}

    static SdkVersion minimum(JsonNode content) {
        return minimum(content, SECTIONS);
    }

    static SdkVersion minimum(JsonNode content, Map<String, SdkVersion> table) {
        SdkVersion needed = BASE;
        for (String name : content.propertyNames()) {
            SdkVersion section = table.getOrDefault(name, BASE);
            if (section.compareTo(needed) > 0) {
                needed = section;
            }
        }
        return needed;
    }
}
