package dev.sextant.server.configurations;

import dev.sextant.model.WorkspaceId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a version's {@code min_sdk_version} suits the SDKs that run it: the one the caller
 * names with {@code sdk_version}, else every SDK version the workspace's agents were seen
 * running in the last {@link #WINDOW} ({@link SeenSdkVersions}, per process).
 */
final class SdkCompatibility {
    static final Duration WINDOW = Duration.ofDays(7);

    private final SeenSdkVersions seen;

    SdkCompatibility(SeenSdkVersions seen) {
        this.seen = seen;
    }

    /** {@code status} compatible, incompatible or unknown, with the versions compared and a reason. */
    Map<String, Object> of(WorkspaceId workspace, SdkVersion minimum, SdkVersion named) {
        if (named != null) {
            return named(minimum, named);
        }
        return seen(minimum, seen.since(workspace, seen.clock().instant().minus(WINDOW)));
    }

    static Map<String, Object> named(SdkVersion minimum, SdkVersion sdk) {
        boolean ok = sdk.compareTo(minimum) >= 0;
        Map<String, Object> answer = start(ok ? "compatible" : "incompatible", minimum, "sdk_version");
        answer.put("sdk_version", sdk.toString());
        answer.put("reason", ok ? "SDK " + sdk + " is at least " + minimum
                : "SDK " + sdk + " is older than " + minimum + ", which this content's features need");
        return answer;
    }

    /** The rule over the versions seen: all at least the minimum, some older (listed), or none seen. */
    static Map<String, Object> seen(SdkVersion minimum, List<String> versions) {
        List<String> older = versions.stream().filter(v -> SdkVersion.parse(v).compareTo(minimum) < 0).toList();
        String status = versions.isEmpty() ? "unknown" : older.isEmpty() ? "compatible" : "incompatible";
        Map<String, Object> answer = start(status, minimum, "seen");
        answer.put("sdk_version", null);
        answer.put("sdk_versions_seen", versions);
        answer.put("older_sdk_versions", older);
        answer.put("reason", switch (status) {
            case "unknown" -> "no Sextant SDK has called this workspace in the last 7 days (this server remembers"
                    + " SDK versions since it started); pass sdk_version to have one checked";
            case "compatible" -> "every SDK version seen in the last 7 days (" + String.join(", ", versions)
                    + ") is at least " + minimum;
            default -> "SDK versions seen in the last 7 days are older than " + minimum + ", which this content's"
                    + " features need: " + String.join(", ", older);
        });
        return answer;
    }

    private static Map<String, Object> start(String status, SdkVersion minimum, String source) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        answer.put("min_sdk_version", minimum.toString());
        answer.put("source", source);
        return answer;
    }
}
