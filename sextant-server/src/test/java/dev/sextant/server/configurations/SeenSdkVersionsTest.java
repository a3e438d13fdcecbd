package dev.sextant.server.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The versions seen per workspace (bounded, by last-seen time) and the compatibility rule over them. */
class SeenSdkVersionsTest {
    private static final WorkspaceId A = WorkspaceId.of("ws-a");
    private static final WorkspaceId B = WorkspaceId.of("ws-b");
    private static final SdkVersion MIN = new SdkVersion(0, 2, 0);

    /** A clock tests move by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void versionsAreKeptPerWorkspaceSortedAndBounded() {
        HandClock clock = new HandClock();
        SeenSdkVersions seen = new SeenSdkVersions(clock);
        seen.saw(A, "0.10.0");
        seen.saw(A, "0.2.0");
        seen.saw(A, "0.2.0");
        seen.saw(B, "0.1.0");
        assertThat(seen.since(A, Instant.EPOCH)).containsExactly("0.2.0", "0.10.0");
        assertThat(seen.since(B, Instant.EPOCH)).containsExactly("0.1.0");
        assertThat(seen.since(WorkspaceId.of("ws-c"), Instant.EPOCH)).isEmpty();

        for (int i = 0; i < 60; i++) {
            clock.now = clock.now.plusSeconds(1);
            seen.saw(A, "1.0." + i);
        }
        List<String> kept = seen.since(A, Instant.EPOCH);
        assertThat(kept).hasSize(SeenSdkVersions.MAX_PER_WORKSPACE).contains("1.0.59").doesNotContain("0.2.0", "1.0.0");
    }

    @Test
    void compatibilityFollowsTheVersionsSeenInTheLastSevenDays() {
        HandClock clock = new HandClock();
        SeenSdkVersions seen = new SeenSdkVersions(clock);
        SdkCompatibility compatibility = new SdkCompatibility(seen);
        Map<String, Object> none = compatibility.of(A, MIN, null);
        assertThat(none.get("status")).isEqualTo("unknown");
        assertThat((String) none.get("reason")).contains("last 7 days").contains("pass sdk_version");

        seen.saw(A, "0.1.5");
        seen.saw(A, "0.2.0-SNAPSHOT");
        Map<String, Object> old = compatibility.of(A, MIN, null);
        assertThat(old.get("status")).isEqualTo("incompatible");
        assertThat(old.get("older_sdk_versions")).isEqualTo(List.of("0.1.5"));
        assertThat(old.get("sdk_versions_seen")).isEqualTo(List.of("0.1.5", "0.2.0-SNAPSHOT"));
        assertThat((String) old.get("reason")).contains("0.1.5").doesNotContain("0.2.0-SNAPSHOT");

        clock.now = clock.now.plus(Duration.ofDays(7)).plusSeconds(1);
        seen.saw(A, "0.2.0-SNAPSHOT");
        Map<String, Object> now = compatibility.of(A, MIN, null);
        assertThat(now.get("status")).isEqualTo("compatible");
        assertThat(now.get("sdk_versions_seen")).isEqualTo(List.of("0.2.0-SNAPSHOT"));
        assertThat(compatibility.of(B, MIN, null).get("status")).as("another workspace saw nothing").isEqualTo("unknown");

        assertThat(compatibility.of(A, MIN, SdkVersion.parse("0.1.9")).get("status")).isEqualTo("incompatible");
        assertThat(compatibility.of(A, MIN, SdkVersion.parse("0.2.0")).get("sdk_version")).isEqualTo("0.2.0");
        assertThat(compatibility.of(A, MIN, SdkVersion.parse("0.2.0")).get("source")).isEqualTo("sdk_version");
    }
}
