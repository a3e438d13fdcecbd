package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.ParameterObservation;
import dev.sextant.store.ConfigurationPerformance.Point;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parameter-impact observations, one per version-day: each UTC day on which a configuration
 * version had traces of its configuration's agent, with that version's {@code behaviour}
 * parameters and the day's outcomes (success rate, mean {@code user_rating}, mean response time,
 * cost per execution). A day rather than an execution, because a version's parameters are the
 * same for all its executions: counting executions would pretend to n independent settings where
 * there are a handful; a day is a repeated, independent-ish measurement of one setting.
 */
final class VersionDays {
    /** The parameters only vary between versions, so a recommendation needs this many versions with traffic. */
    static final int MIN_VERSIONS = 3;

    private VersionDays() {}

    /** A version's agent and behaviour parameters. */
    record Setting(String agentId, Map<String, Object> behaviour) {}

    record Observed(List<ParameterObservation> observations, Set<String> versions) {}

    static Observed of(Map<String, Setting> settings, List<Point> series) {
        List<ParameterObservation> observations = new ArrayList<>();
        Set<String> versions = new TreeSet<>();
        for (Point p : series) {
            Setting s = settings.get(p.configVersion());
            if (s == null || !Objects.equals(s.agentId(), p.agentId()) || p.executions() == 0) {
                continue;
            }
            versions.add(p.configVersion());
            observations.add(new ParameterObservation(s.behaviour(), p.successes() / (double) p.executions(),
                    p.meanRating(), p.latencySamples() == 0 ? null : p.totalDurationMs() / (double) p.latencySamples(),
                    p.totalCostUsd().divide(java.math.BigDecimal.valueOf(p.executions()), 9, RoundingMode.HALF_EVEN)
                            .doubleValue()));
        }
        return new Observed(observations, versions);
    }
}
