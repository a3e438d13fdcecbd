package dev.sextant.server.budgets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The budget check's answer: {@code decision} is the most severe of the applied budgets'
 * (allow when none applies); {@code remaining_usd} the least that remains of any of them before
 * this call's estimate (negative when one is already over; null when none applies).
 */
record CheckView(String decision, BigDecimal remainingUsd, BigDecimal estimatedCostUsd, List<Applied> budgets,
        Instant dataAsOf) {

    /** One budget the call spends from; {@code thresholds_crossed} counts the estimate in. */
    record Applied(String id, String name, String scope, String period, String enforcement, Instant periodStart,
            Instant periodEnd, BigDecimal amountUsd, BigDecimal spentUsd, BigDecimal remainingUsd,
            List<BigDecimal> thresholdsCrossed, String decision) {
    }

    static CheckView of(BigDecimal estimate, List<Applied> applied, Instant asOf) {
        Decision decision = Decision.ALLOW;
        for (Applied a : applied) {
            Decision d = Decision.valueOf(a.decision().toUpperCase(java.util.Locale.ROOT));
            if (d.compareTo(decision) > 0) {
                decision = d;
            }
        }
        BigDecimal remaining = applied.stream().map(Applied::remainingUsd).min(Comparator.naturalOrder()).orElse(null);
        return new CheckView(decision.wire(), remaining, estimate, applied, asOf);
    }
}
