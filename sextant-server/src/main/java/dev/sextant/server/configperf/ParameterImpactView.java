package dev.sextant.server.configperf;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sextant.analytics.configurations.NextConfiguration;
import dev.sextant.analytics.configurations.ParameterImpact;
import java.util.List;
import java.util.Map;

/**
 * {@link ParameterImpact} as the parameter-impact endpoints answer it (inside {@link ParameterImpactAnswer}):
 * enums as their wire names, groups without their raw values.
 */
record ParameterImpactView(String outcome, int observations, List<ParameterView> parameters,
        RecommendationView recommendation) {

    record ParameterView(String name, String kind, int observations, boolean analysed, String reason, Double pearson,
            @JsonProperty("pearson_p_value") Double pearsonPValue, Double spearman,
            @JsonProperty("spearman_p_value") Double spearmanPValue, Double etaSquared,
            @JsonProperty("anova_p_value") Double anovaPValue, String impact, GroupView best, List<GroupView> groups) {
    }

    /** A numeric bin ({@code low}..{@code high}, its {@code median}) or a categorical {@code value}. */
    record GroupView(Double low, Double high, Double median, String value, int observations, double mean, Double ciLow,
            Double ciHigh) {
        static GroupView of(ParameterImpact.Group g) {
            return g == null ? null : new GroupView(g.low(), g.high(), Double.isNaN(g.median()) ? null : g.median(),
                    g.value(), g.observations(), g.mean(), g.ciLow(), g.ciHigh());
        }
    }

    record RecommendationView(String method, boolean recommended, String reason, Map<String, Object> parameters,
            Double expectedImprovement, Double improvementLow, Double improvementHigh, List<CandidateView> candidates) {
    }

    record CandidateView(String parameter, Object value, double expectedImprovement, double improvementLow,
            double improvementHigh, boolean recommended) {
    }

    static ParameterImpactView of(ParameterImpact p) {
        NextConfiguration n = p.recommendation();
        return new ParameterImpactView(p.outcome().wire(), p.observations(), p.parameters().stream()
                .map(x -> new ParameterView(x.name(), x.kind().wire(), x.observations(), x.analysed(), x.reason(),
                        x.pearson(), x.pearsonPValue(), x.spearman(), x.spearmanPValue(), x.etaSquared(),
                        x.anovaPValue(), x.impact() == null ? null : x.impact().wire(), GroupView.of(x.best()),
                        x.groups().stream().map(GroupView::of).toList()))
                .toList(),
                new RecommendationView(NextConfiguration.METHOD, n.recommended(), n.reason(), n.parameters(),
                        n.expectedImprovement(), n.improvementLow(), n.improvementHigh(), n.candidates().stream()
                        .map(c -> new CandidateView(c.parameter(), c.value(), c.expectedImprovement(), c.low(), c.high(),
                                c.recommended()))
                        .toList()));
    }
}
