package dev.sextant.server.context;

import dev.sextant.analytics.context.patterns.PatternReport;
import dev.sextant.analytics.context.patterns.PatternRule;
import dev.sextant.analytics.context.patterns.PatternSettings;
import java.time.Instant;
import java.util.List;

/**
 * The patterns answer: the window, the settings used, the caps and what they cut, the interactions
 * analysed and their success rate (null without any), and the rules (best first, at most {@code limit};
 * {@code rules_found} counts them all).
 */
record PatternsView(Instant from, Instant to, String agentId, Settings settings, Caps caps, long transactionsInRange,
        long transactionsAnalysed, Double successRate, long minSupportCount, int itemsetsTested, int rulesFound,
        List<Rule> rules) {

    record Settings(double minSupport, long minSupportFloor, double minConfidence, int maxLength, String outcome,
            double maxQ, int limit, String algorithm) {}

    record Caps(int maxTransactions, boolean transactionsTruncated, int maxItemsets, boolean itemsetsTruncated) {}

    record Support(long count, double fraction) {}

    record Confidence(double value, double low, double high) {}

    record Rule(List<String> items, String outcome, Support support, long outcomeCount, Confidence confidence,
            double lift, double p, double q) {
        static Rule of(PatternRule r) {
            return new Rule(r.items(), r.outcome().wire(), new Support(r.support(), r.supportFraction()),
                    r.outcomeCount(), new Confidence(r.confidence(), r.confidenceLow(), r.confidenceHigh()), r.lift(),
                    r.p(), r.q());
        }
    }

    static PatternsView of(PatternsParameters p, PatternReport report, long inRange, int maxTransactions) {
        PatternSettings s = report.settings();
        String outcome = s.outcomes().size() == 2 ? "both" : s.outcomes().iterator().next().wire();
        Settings settings = new Settings(s.minSupport(), PatternSettings.MIN_SUPPORT_COUNT, s.minConfidence(),
                s.maxLength(), outcome, PatternSettings.MAX_Q, p.limit(),
                "fp-growth; fisher exact two-sided; benjamini-hochberg; wilson 95%");
        Caps caps = new Caps(maxTransactions, inRange > report.transactions(), s.maxItemsets(),
                report.itemsetsTruncated());
        List<Rule> rules = report.rules().stream().limit(p.limit()).map(Rule::of).toList();
        Double rate = report.transactions() == 0 ? null : report.successRate();
        return new PatternsView(p.from(), p.to(), p.agentId(), settings, caps, inRange, report.transactions(), rate,
                report.minSupportCount(), report.itemsetsTested(), report.rules().size(), rules);
    }
}
