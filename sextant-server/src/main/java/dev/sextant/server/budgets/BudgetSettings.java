package dev.sextant.server.budgets;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.budgets.*}: how long the budget check may reuse a workspace's budgets and the
 * spent-so-far of a scope before it asks the database again (docs/CONFIGURATION.md).
 */
@ConfigurationProperties("sextant.budgets")
record BudgetSettings(@DefaultValue("5s") Duration checkCacheTtl) {
    BudgetSettings {
        if (checkCacheTtl.isNegative() || checkCacheTtl.isZero()) {
            throw new IllegalArgumentException("sextant.budgets.check-cache-ttl must be positive, was " + checkCacheTtl);
        }
    }
}
