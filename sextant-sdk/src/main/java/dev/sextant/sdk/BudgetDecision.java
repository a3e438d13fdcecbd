package dev.sextant.sdk;

import dev.sextant.sdk.internal.BudgetClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The server's answer to {@link Sextant#checkBudget}: {@code decision} ALLOW, WARN (a threshold
 * is crossed, or a watched budget would be exceeded) or DENY (an enforced budget would be
 * exceeded); UNKNOWN when there is no answer (server unreachable, timeout, key refused), with
 * {@code error} saying why, so the agent chooses whether to fail open or closed.
 * {@code remainingUsd} is the least any applied budget has left (negative when over; null when
 * no budget applies or there is no answer).
 */
public record BudgetDecision(Decision decision, BigDecimal remainingUsd, List<AppliedBudget> budgets, String error) {

    public enum Decision {
        ALLOW, WARN, DENY, UNKNOWN
    }

    /** One budget the call would spend from, with its own decision. */
    public record AppliedBudget(String id, String name, String scope, Decision decision, BigDecimal amountUsd,
            BigDecimal spentUsd, BigDecimal remainingUsd) {}

    public BudgetDecision {
        budgets = List.copyOf(budgets);
    }

    static BudgetDecision of(BudgetClient.Answer answer) {
        return new BudgetDecision(decision(answer.decision()), answer.remainingUsd(),
                answer.budgets().stream().map(b -> new AppliedBudget(b.id(), b.name(), b.scope(), decision(b.decision()),
                        b.amountUsd(), b.spentUsd(), b.remainingUsd())).toList(), null);
    }

    /** A decision this version does not know is UNKNOWN. */
    private static Decision decision(String wire) {
        try {
            return wire == null ? Decision.UNKNOWN : Decision.valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknownToThisVersion) {
            return Decision.UNKNOWN;
        }
    }

    static BudgetDecision unknown(String error) {
        return new BudgetDecision(Decision.UNKNOWN, null, List.of(), error);
    }

    /** True only when the server said DENY. */
    public boolean denied() {
        return decision == Decision.DENY;
    }
}
