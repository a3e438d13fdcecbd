package dev.sextant.analytics.insights;

import dev.sextant.analytics.EffectSize;
import dev.sextant.store.LatencyTail;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * A p95 latency regression per agent (interaction durations) or per model (LLM call durations).
 * If nothing changed, about 5% of the current period's samples are slower than the previous
 * period's p95; the exact one-sided binomial test (Commons Math {@link BinomialTest}) asks
 * whether more are. Only regressions are tested (a one-sided question).
 */
final class LatencyTailDetector implements Detector {
    static final double TAIL = 0.05;
    static final int MIN_SAMPLES = 20;

    private final LatencyTail.By by;

    LatencyTailDetector(LatencyTail.By by) {
        this.by = by;
    }

    String kind() {
        return by == LatencyTail.By.AGENT ? "agent_latency_p95" : "model_latency_p95";
    }

    @Override
    public Detection detect(InsightData data) {
        boolean agents = by == LatencyTail.By.AGENT;
        Detection.Builder result = new Detection.Builder(kind(), "at least " + MIN_SAMPLES + (agents
                ? " interactions of the agent with a duration" : " LLM calls of the model with a duration") + " in each period");
        List<LatencyTail> tails = agents ? data.agentLatency() : data.modelLatency();
        for (LatencyTail t : tails) {
            if (t.baselineN() < MIN_SAMPLES || t.currentN() < MIN_SAMPLES || t.baselineP95Ms() == null) {
                result.skipped();
                continue;
            }
            double p = new BinomialTest().binomialTest((int) t.currentN(), (int) t.currentOverBaselineP95(), TAIL,
                    AlternativeHypothesis.GREATER_THAN);
            double share = t.currentOverBaselineP95() / (double) t.currentN();
            String what = agents ? "Agent " + t.key() : "Model " + t.key();
            String title = what + "'s p95 latency is " + Figures.ms(t.currentP95Ms()) + ", "
                    + Comparisons.upOrDown(t.currentP95Ms(), t.baselineP95Ms()) + " from " + Figures.ms(t.baselineP95Ms())
                    + ": " + Figures.share(t.currentOverBaselineP95(), t.currentN()) + " of its "
                    + (agents ? "interactions" : "calls") + " were slower than the previous p95 (5% expected)";
            InsightLinks links = InsightLinks.of(data.periods());
            if (agents) {
                links.interactions("agent_id", t.key()).trend("latency_p95", "agent", "agent_id", t.key());
            } else {
                links.interactions("agent_id", data.periods().agentId(), "model", t.key())
                        .analytics("/api/v1/interactions/stats", "agent_id", data.periods().agentId(), "model", t.key());
            }
            result.tested(new Finding(kind(), Map.of(agents ? "agent_id" : "model", t.key()),
                    Finding.direction(t.currentP95Ms(), t.baselineP95Ms()),
                    Finding.impact(t.currentP95Ms(), t.baselineP95Ms(), false), title,
                    Finding.Numbers.of("ms", t.currentP95Ms(), t.baselineP95Ms(), t.currentOverBaselineP95(),
                            t.currentN(), null, t.baselineN()),
                    "binomial_exceedance", p, EffectSize.cohensH(share, TAIL), "cohens_h", t.currentN(), links.build()));
        }
        return result.build();
    }
}
