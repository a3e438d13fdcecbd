package dev.sextant.server.configurations;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The oldest SDK that can run a content, from the features it uses (docs/API.md, "Compatibility"):
 * prompt templates, behaviour and interface need 0.1.0; integrations 0.2.0; workflow
 * definitions 0.3.0. A compatibility answer compares that with the SDK version the caller names;
 * the server records no SDK versions of its own, so without one the answer is {@code unknown}.
 */
final class SdkRequirements {
    static final SdkVersion BASE = new SdkVersion(0, 1, 0);
    static final SdkVersion INTEGRATIONS = new SdkVersion(0, 2, 0);
    static final SdkVersion WORKFLOW = new SdkVersion(0, 3, 0);

    private SdkRequirements() {}

    static SdkVersion minimum(JsonNode content) {
        if (content.has("workflow")) {
            return WORKFLOW;
        }
        if (content.has("integrations") && !content.get("integrations").isEmpty()) {
            return INTEGRATIONS;
        }
        return BASE;
    }

    /** {@code status} compatible, incompatible or unknown, with the versions compared and a reason. */
    static Map<String, Object> compatibility(SdkVersion minimum, SdkVersion sdk) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (sdk == null) {
            answer.put("status", "unknown");
            answer.put("min_sdk_version", minimum.toString());
            answer.put("sdk_version", null);
            answer.put("reason", "no SDK version is known: Sextant records none from traffic; pass sdk_version"
                    + " (the version your agents run) to have it checked");
            return answer;
        }
        boolean ok = sdk.compareTo(minimum) >= 0;
        answer.put("status", ok ? "compatible" : "incompatible");
        answer.put("min_sdk_version", minimum.toString());
        answer.put("sdk_version", sdk.toString());
        answer.put("reason", ok ? "SDK " + sdk + " is at least " + minimum
                : "SDK " + sdk + " is older than " + minimum + ", which this content's features need");
        return answer;
    }
}
