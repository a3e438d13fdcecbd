package dev.sextant.server.insights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.insights.*}: the snapshots that answer relative-window insight requests (no
 * {@code from}/{@code to}, e.g. the dashboard's overview) without making anyone wait for eight
 * reads over two periods of data.
 *
 * @param refresh how old a snapshot may get before the next request triggers a recomputation in
 *                the background (that request, and those until it finishes, get the older one)
 * @param idle    a snapshot nobody asked for this long is dropped (and no longer refreshed)
 * @param warmDays at startup, a snapshot of this many days is computed for every workspace in the
 *                 background (0: none), so the first look at the overview does not wait either
 */
@ConfigurationProperties("sextant.insights")
public record InsightSettings(@DefaultValue("5m") Duration refresh, @DefaultValue("1h") Duration idle,
        @DefaultValue("7") int warmDays) {
    public InsightSettings {
        if (refresh.isNegative() || refresh.isZero() || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("sextant.insights.refresh and .idle must be positive");
        }
        if (warmDays < 0 || warmDays > InsightParameters.MAX_DAYS) {
            throw new IllegalArgumentException("sextant.insights.warm-days must be 0-" + InsightParameters.MAX_DAYS + ", was " + warmDays);
        }
    }
}
