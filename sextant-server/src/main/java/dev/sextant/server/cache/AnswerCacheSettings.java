package dev.sextant.server.cache;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sextant.analytics.cache.*}: which answers are cached and for how long.
 *
 * @param enabled    false turns the cache off (every answer computed, {@code "cached": false})
 * @param ttl        the longest an answer is reused even when no new data arrived: answers whose
 *                   range ends "now" move with the clock
 * @param grace      an answer this young is reused even when newer data has arrived, so that a
 *                   dashboard polling under continuous ingest does not recompute every panel per
 *                   commit; 0 serves only answers computed at the current data version
 * @param maxSize    the memory the cached answers may take
 * @param maxAnswer  larger answers are not cached
 * @param paths      GET path prefixes whose 200 JSON answers are cached
 */
@ConfigurationProperties("sextant.analytics.cache")
public record AnswerCacheSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration ttl,
        @DefaultValue("0s") Duration grace,
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("1MB") DataSize maxAnswer,
        @DefaultValue({"/api/v1/analytics/", "/api/v1/interactions/stats", "/api/v1/insights"}) List<String> paths) {}
