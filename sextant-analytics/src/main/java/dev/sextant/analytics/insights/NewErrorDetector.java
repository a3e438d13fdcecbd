package dev.sextant.analytics.insights;

import dev.sextant.analytics.EffectSize;
import dev.sextant.store.NewErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * An error pattern (message normalised as the errors analytics do) seen in the current period
 * and never in the previous one. If it had occurred at the same rate per interaction in both
 * periods, each of its c occurrences would fall in the current period with probability
 * q = current interactions / all interactions, so all c do with probability q^c: the exact
 * conditional test of two Poisson rates (a binomial test with n = k = c, Commons Math).
 */
final class NewErrorDetector implements Detector {
    static final String KIND = "new_error_pattern";
    static final int MIN_OCCURRENCES = 3;

    @Override
    public Detection detect(InsightData data) {
        Detection.Builder result = new Detection.Builder(KIND, "at least " + MIN_OCCURRENCES
                + " occurrences in the current period and some interactions in the previous one");
        NewErrors errors = data.newErrors();
        long cur = errors.currentTraces();
        long base = errors.baselineTraces();
        for (NewErrors.Pattern p : errors.patterns()) {
            if (p.count() < MIN_OCCURRENCES || base == 0 || cur == 0) {
                result.skipped();
                continue;
            }
            double q = cur / (double) (cur + base);
            double pValue = new BinomialTest().binomialTest((int) p.count(), (int) p.count(), q,
                    AlternativeHypothesis.GREATER_THAN);
            double perInteraction = Math.min(1.0, p.count() / (double) cur);
            String where = p.source().equals("span") ? p.kind() + " span" : "interaction";
            String title = "New error \"" + p.pattern() + "\" (" + where + "): " + p.count()
                    + " times in the current period (" + cur + " interactions), never in the previous period (" + base
                    + " interactions)";
            Map<String, String> subject = new LinkedHashMap<>();
            subject.put("pattern", p.pattern());
            subject.put("source", p.source());
            if (p.kind() != null) {
                subject.put("kind", p.kind());
            }
            subject.put("example_trace_id", p.exampleTraceId());
            subject.put("example_message", p.exampleMessage());
            result.tested(new Finding(KIND, subject, "up", "worse", title,
                    Finding.Numbers.of("count", p.count(), 0, p.count(), cur, 0L, base),
                    "poisson_conditional_binomial", pValue, EffectSize.cohensH(perInteraction, 0), "cohens_h", p.count(),
                    InsightLinks.of(data.periods()).interactions("agent_id", data.periods().agentId(), "status", "error")
                            .analytics("/api/v1/analytics/errors", "agent_id", data.periods().agentId()).build()));
        }
        return result.build();
    }
}
