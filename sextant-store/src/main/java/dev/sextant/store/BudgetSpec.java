package dev.sextant.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a budget says: at most {@code amountUsd} per {@code period} in {@code scope}; the
 * {@code thresholds} (fractions of the amount, ascending) are the levels worth an alert; an
 * {@code ENFORCE} budget makes the budget check deny spending that would exceed it.
 */
public record BudgetSpec(String name, SpendScope scope, BigDecimal amountUsd, BudgetPeriod period,
        List<BigDecimal> thresholds, Enforcement enforcement) {
    public static final List<BigDecimal> DEFAULT_THRESHOLDS =
            List.of(new BigDecimal("0.5"), new BigDecimal("0.8"), new BigDecimal("1.0"));

    public enum Enforcement {
        WATCH, ENFORCE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Enforcement fromWire(String value) {
            for (Enforcement e : values()) {
                if (e.wire().equals(value)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("enforcement must be one of watch, enforce, was '" + value + "'");
        }
    }

    public BudgetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(amountUsd, "amountUsd");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(enforcement, "enforcement");
        thresholds = List.copyOf(thresholds);
        if (amountUsd.signum() <= 0) {
            throw new IllegalArgumentException("amount_usd must be positive, was " + amountUsd.toPlainString());
        }
        for (int i = 0; i < thresholds.size(); i++) {
            if (thresholds.get(i).signum() <= 0 || (i > 0 && thresholds.get(i).compareTo(thresholds.get(i - 1)) <= 0)) {
                throw new IllegalArgumentException("thresholds must be positive and strictly ascending, were " + thresholds);
            }
        }
    }
}
