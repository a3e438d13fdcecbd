package dev.sextant.server.budgets;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.BudgetPeriod;
import dev.sextant.store.BudgetSpec;
import dev.sextant.store.BudgetSpec.Enforcement;
import dev.sextant.store.SpendScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A budget as posted or put (the whole budget each time): {@code name}, {@code scope}
 * ({@code workspace}, {@code agent:<id>}, {@code model:<name>}), {@code amount_usd},
 * {@code period} (day, week, month), {@code thresholds} (default 0.5, 0.8, 1.0) and
 * {@code enforcement} (watch, the default, or enforce). Every wrong field is reported at once.
 */
record BudgetBody(String name, String scope, BigDecimal amountUsd, String period, List<BigDecimal> thresholds,
        String enforcement) {
    static final int MAX_NAME = 200;
    static final int MAX_THRESHOLDS = 10;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    static final BigDecimal MAX_THRESHOLD = BigDecimal.TEN;
    /** PostgreSQL cannot store NUL in text; refused on both databases alike, as ingest does. */
    static final String NUL = "%s contains a NUL character (\\u0000), which PostgreSQL cannot store; remove it";

    BudgetSpec validated() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(FieldProblem.field("name", "name is required, e.g. 'monthly LLM spend'"));
        } else if (name.length() > MAX_NAME) {
            problems.add(FieldProblem.field("name", "name is " + name.length() + " characters, over the limit of " + MAX_NAME));
        }
        if (name != null && name.indexOf('\u0000') >= 0) {
            problems.add(FieldProblem.field("name", NUL.formatted("name")));
        }
        SpendScope parsedScope = null;
        if (scope != null && scope.indexOf('\u0000') >= 0) {
            problems.add(FieldProblem.field("scope", NUL.formatted("scope")));
        } else {
            try {
                parsedScope = SpendScope.fromWire(scope);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field("scope", e.getMessage()));
            }
        }
        if (amountUsd == null) {
            problems.add(FieldProblem.field("amount_usd", "amount_usd is required: the budget in USD per period"));
        } else if (amountUsd.signum() <= 0 || amountUsd.compareTo(MAX_AMOUNT) > 0) {
            problems.add(FieldProblem.field("amount_usd", "amount_usd must be more than 0 and at most "
                    + MAX_AMOUNT.toPlainString() + ", was " + amountUsd));
        } else if (amountUsd.stripTrailingZeros().scale() > 9) {
            problems.add(FieldProblem.field("amount_usd", "amount_usd has more than 9 decimal places"));
        }
        BudgetPeriod parsedPeriod = null;
        if (period == null) {
            problems.add(FieldProblem.field("period", "period is required: day, week or month"));
        } else {
            try {
                parsedPeriod = BudgetPeriod.fromWire(period);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field("period", e.getMessage()));
            }
        }
        List<BigDecimal> levels = thresholds == null ? BudgetSpec.DEFAULT_THRESHOLDS : thresholds;
        checkThresholds(levels, problems);
        Enforcement parsedEnforcement = Enforcement.WATCH;
        if (enforcement != null) {
            try {
                parsedEnforcement = Enforcement.fromWire(enforcement);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field("enforcement", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new BudgetSpec(name.strip(), parsedScope, amountUsd, parsedPeriod, levels, parsedEnforcement);
    }

    private static void checkThresholds(List<BigDecimal> levels, List<FieldProblem> problems) {
        if (levels.size() > MAX_THRESHOLDS) {
            problems.add(FieldProblem.field("thresholds", "at most " + MAX_THRESHOLDS + " thresholds, were " + levels.size()));
            return;
        }
        for (int i = 0; i < levels.size(); i++) {
            BigDecimal t = levels.get(i);
            if (t == null || t.signum() <= 0 || t.compareTo(MAX_THRESHOLD) > 0) {
                problems.add(FieldProblem.field("thresholds", "thresholds are fractions of the amount, more than 0 and"
                        + " at most 10 (1.0 = the whole budget); thresholds[" + i + "] was " + t));
                return;
            }
            if (t.stripTrailingZeros().scale() > 6) {
                problems.add(FieldProblem.field("thresholds", "thresholds have at most 6 decimal places; thresholds["
                        + i + "] has more"));
                return;
            }
            if (i > 0 && t.compareTo(levels.get(i - 1)) <= 0) {
                problems.add(FieldProblem.field("thresholds", "thresholds must be strictly ascending; thresholds["
                        + i + "] = " + t.toPlainString() + " follows " + levels.get(i - 1).toPlainString()));
                return;
            }
        }
    }
}
