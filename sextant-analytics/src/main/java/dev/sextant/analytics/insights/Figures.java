package dev.sextant.analytics.insights;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How numbers read in a title: shares as percent, money in USD with 3 significant digits, durations in ms or s. */
final class Figures {
    private Figures() {
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String share(long events, long total) {
        return percent(events / (double) total) + " (" + events + " of " + total + ")";
    }

    static String usd(double value) {
        return "$" + new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String ms(double value) {
        return value >= 10_000 ? String.format(Locale.ROOT, "%.1f s", value / 1000)
                : String.format(Locale.ROOT, "%.0f ms", value);
    }

    static String rating(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** "40% higher", "12% lower" — relative to the baseline; "up from 0" when the baseline is 0. */
    static String relative(double current, double baseline) {
        if (baseline == 0) {
            return current == 0 ? "unchanged" : "up from 0";
        }
        double r = (current - baseline) / baseline;
        return String.format(Locale.ROOT, "%.0f%% %s", Math.abs(r) * 100, r >= 0 ? "higher" : "lower");
    }
}
