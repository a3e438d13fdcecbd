package dev.sextant.server.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.live.*}: the dashboard's live connections (server-sent events).
 *
 * @param maxConnections open connections the server holds at most (each is a parked virtual thread)
 * @param heartbeat      how often an idle connection gets a comment line, so proxies keep it open
 * @param maxDuration    a connection ends after this long; the browser reconnects on its own
 * @param minGap         the least time between two data events on one connection (bursts of
 *                       ingest batches become one event)
 */
@ConfigurationProperties("sextant.live")
public record LiveSettings(@DefaultValue("500") int maxConnections, @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("30m") Duration maxDuration, @DefaultValue("1s") Duration minGap) {
    public LiveSettings {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("sextant.live.max-connections must be at least 1, was " + maxConnections);
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || maxDuration.isNegative() || maxDuration.isZero() || minGap.isNegative()) {
            throw new IllegalArgumentException("sextant.live durations must be positive");
        }
    }
}
