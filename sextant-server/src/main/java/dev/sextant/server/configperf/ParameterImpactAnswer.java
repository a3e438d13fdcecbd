package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.ParameterImpact;
import dev.sextant.server.configperf.ParameterImpactView.CandidateView;
import dev.sextant.server.configperf.ParameterImpactView.ParameterView;
import dev.sextant.server.configperf.ParameterImpactView.RecommendationView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The parameter-impact answer: what was analysed ({@code observation_unit} version_day, the
 * versions observed) and {@link ParameterImpactView}'s parameters and recommendation. With fewer
 * than {@link VersionDays#MIN_VERSIONS} versions observed there is no recommendation, whatever
 * the statistics say: parameters only vary between versions.
 */
record ParameterImpactAnswer(Instant dataAsOf, String configurationId, String agentId, Instant from, Instant to, String outcome,
        String observationUnit, int observations, List<String> versions, List<ParameterView> parameters,
        RecommendationView recommendation) {

    static ParameterImpactAnswer of(Instant dataAsOf, String configurationId, String agentId, DailyRange range, String outcome,
            List<String> versions, ParameterImpact impact) {
        ParameterImpactView view = ParameterImpactView.of(impact);
        RecommendationView r = view.recommendation();
        if (versions.size() < VersionDays.MIN_VERSIONS) {
            r = new RecommendationView(r.method(), false, "no recommendation: the observations come from "
                    + versions.size() + " version" + (versions.size() == 1 ? "" : "s") + "; at least "
                    + VersionDays.MIN_VERSIONS + " versions with traffic are needed, as parameters only vary between"
                    + " versions", Map.of(), null, null, null, r.candidates().stream()
                    .map(c -> new CandidateView(c.parameter(), c.value(), c.expectedImprovement(), c.improvementLow(),
                            c.improvementHigh(), false))
                    .toList());
        }
        return new ParameterImpactAnswer(dataAsOf, configurationId, agentId, range.from(), range.to(), outcome,
                "version_day", view.observations(), versions, view.parameters(), r);
    }
}
