package dev.sextant.server.configurations;

import dev.sextant.model.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK versions each workspace's agents were seen running, with when each was last seen.
 * In memory and per server process: it starts empty after a restart and is not shared between
 * servers. Bounded: at most {@link #MAX_PER_WORKSPACE} versions per workspace; a new one beyond
 * that replaces the one seen least recently.
 */
final class SeenSdkVersions {
    static final int MAX_PER_WORKSPACE = 50;

    private final Clock clock;
    private final Map<WorkspaceId, Map<String, Instant>> seen = new ConcurrentHashMap<>();

    SeenSdkVersions(Clock clock) {
        this.clock = clock;
    }

    /** A version seen now; {@code version} is already checked by {@link SdkUserAgent}. */
    void saw(WorkspaceId workspace, String version) {
        Map<String, Instant> versions = seen.computeIfAbsent(workspace, w -> new HashMap<>());
        Instant now = clock.instant();
        synchronized (versions) {
            if (!versions.containsKey(version) && versions.size() >= MAX_PER_WORKSPACE) {
                versions.entrySet().stream().min(Map.Entry.comparingByValue())
                        .ifPresent(oldest -> versions.remove(oldest.getKey()));
            }
            versions.put(version, now);
        }
    }

    /** The versions last seen at or after {@code since}, sorted by version then text. */
    List<String> since(WorkspaceId workspace, Instant since) {
        Map<String, Instant> versions = seen.get(workspace);
        if (versions == null) {
            return List.of();
        }
        synchronized (versions) {
            return versions.entrySet().stream().filter(e -> !e.getValue().isBefore(since)).map(Map.Entry::getKey)
                    .sorted(Comparator.comparing(SdkVersion::parse).thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
    }

    Clock clock() {
        return clock;
    }
}
