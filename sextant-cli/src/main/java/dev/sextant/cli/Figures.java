package dev.sextant.cli;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** How the terminal commands print numbers: fixed locale, a dash for "no value", sparklines. */
final class Figures {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Figures() {}

    /** A count with thousands separators, or "–" for a missing value. */
    static String count(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "–" : String.format(Locale.ROOT, "%,d", n.asLong());
    }

    /** A measure with as many decimals as its size needs: 1234, 12.34, 0.01234. */
    static String number(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "–" : number(n.asDouble());
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 1 || v == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A share 0..1 as a percentage. */
    static String percent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "–" : percent(n.asDouble());
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /** The relative change from {@code before} to {@code after}, e.g. "+9.5%"; "–" when undefined. */
    static String change(Double before, Double after) {
        if (before == null || after == null || before == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (after - before) / Math.abs(before) * 100);
    }

    /** The difference of two shares in percentage points, e.g. "+0.3 pt". */
    static String pointChange(Double before, Double after) {
        if (before == null || after == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%+.1f pt", (after - before) * 100);
    }

    /** One bar per value scaled between the smallest and largest; a space for a missing value. */
    static String sparkline(List<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        StringBuilder line = new StringBuilder(values.size());
        for (Double v : values) {
            if (v == null) {
                line.append(' ');
            } else if (max == min) {
                line.append(BARS[BARS.length / 2]);
            } else {
                int i = (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
                line.append(BARS[i]);
            }
        }
        return line.toString();
    }

    /** The value of a JSON number field, or null when it is missing or null. */
    static Double value(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asDouble();
    }

    /** A value as a person writes it: a string as itself, a number in plain decimals (0.0001, not 1.0E-4), else JSON. */
    static String plain(JsonNode n) {
        if (n.isNumber() && Double.isFinite(n.asDouble())) {
            return n.decimalValue().stripTrailingZeros().toPlainString();
        }
        return n.isString() ? n.asString() : n.toString();
    }
}
