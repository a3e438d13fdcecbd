package dev.sextant.server.learnings;

import dev.sextant.analytics.learnings.LearningConfidence;
import dev.sextant.analytics.learnings.LearningEffect;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningEvidence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learning as the API answers it, with its figures: applications and their success rate (95%
 * Wilson), the baseline (the traces started in its window without the learning), the difference (95% Newcombe, Fisher p), and the confidence (Beta
 * posterior mean, 95% credible interval, direction, and the trend when asked for).
 */
record LearningView(String id, String agentId, String statement, JsonNode pattern, LearningEvidence evidence,
        Double initialConfidence, String status, Instant createdAt, String createdBy, Instant updatedAt,
        Applications applications, Baseline baseline, Difference difference, Confidence confidence) {

    record Applications(long total, long successes, long failures, long pending, Double successRate, Double ciLow,
            Double ciHigh) {}

    record Baseline(String agentId, Instant from, Instant to, long traces, long successes, Double successRate,
            Double ciLow, Double ciHigh) {}

    record Difference(Double value, Double ciLow, Double ciHigh, Double pValue) {}

    record Prior(double alpha, double beta, double mean) {}

    record Point(LocalDate start, long successes, long failures, long pending, double confidence, double ciLow,
            double ciHigh) {}

    record Confidence(double value, double ciLow, double ciHigh, String direction, Prior prior, String interval,
            List<Point> trend) {}

    static LearningView of(Learning l, LearningFigures f, boolean withTrend, JsonMapper json) {
        LearningConfidence c = f.confidence();
        LearningEffect e = f.effect();
        Applications apps = new Applications(c.successes() + c.failures() + c.pending(), c.successes(), c.failures(),
                c.pending(), e.successRate(), e.successLow(), e.successHigh());
        Baseline baseline = new Baseline(l.agentId(), f.window().from(), f.window().to(), e.baselineTraces(), e.baselineSuccesses(), e.baselineRate(),
                e.baselineLow(), e.baselineHigh());
        Difference diff = new Difference(e.difference(), e.differenceLow(), e.differenceHigh(), e.pValue());
        List<Point> trend = withTrend ? c.trend().stream().map(p -> new Point(p.start(), p.successes(), p.failures(),
                p.pending(), p.mean(), p.low(), p.high())).toList() : null;
        Confidence conf = new Confidence(c.current().mean(), c.current().low(), c.current().high(),
                c.direction().wire(), new Prior(c.priorAlpha(), c.priorBeta(), c.priorMean()),
                withTrend ? f.interval().wire() : null, trend);
        return new LearningView(l.id(), l.agentId(), l.statement(), json.readTree(l.pattern()), l.evidence(),
                l.initialConfidence(), l.status().wire(), l.createdAt(), l.createdBy(), l.updatedAt(), apps, baseline,
                diff, conf);
    }
}
