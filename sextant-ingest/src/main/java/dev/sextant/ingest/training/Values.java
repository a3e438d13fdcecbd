package dev.sextant.ingest.training;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Reading steps, epochs, values and times from text (CSV cells) and numbers, with the reason
 * when one cannot be read. Python writes {@code nan}, {@code inf}, {@code -inf} in CSV and
 * {@code NaN}, {@code Infinity}, {@code -Infinity} in JSON: all are values.
 */
final class Values {
    /** Unix seconds up to the year 9999. */
    private static final double MAX_EPOCH_SECONDS = 253_402_300_799d;

    private Values() {
    }

    /** A number read from a CSV cell, or null when it is not one. */
    static Double number(String text) {
        String t = text.trim();
        if (decimalCharacters(t)) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    /**
     * Only digits, sign, point and exponent: what parseDouble accepts beyond a decimal number
     * (hex floats, {@code d}/{@code f} suffixes, "Infinity") is kept out before it is asked.
     */
    private static boolean decimalCharacters(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }

    /** Why a number is not a step (a whole number from 0), or null when it is one. */
    static String invalidStep(double step) {
        if (Double.isNaN(step) || Double.isInfinite(step) || step != Math.rint(step)) {
            return "step must be a whole number, was " + format(step);
        }
        if (step < 0) {
            return "step must not be negative, was " + format(step);
        }
        if (step >= 0x1p63) {
            return "step is too large, was " + format(step);
        }
        return null;
    }

    /** Why a number is not an epoch (finite, from 0), or null when it is one. */
    static String invalidEpoch(double epoch) {
        if (Double.isNaN(epoch) || Double.isInfinite(epoch) || epoch < 0) {
            return "epoch must be a finite number from 0, was " + format(epoch);
        }
        return null;
    }

    /** Unix seconds as an instant, or null when out of range. */
    static Instant epochSeconds(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
            return null;
        }
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e9);
        return Instant.ofEpochSecond(whole, Math.min(nanos, 999_999_999));
    }

    /** An RFC 3339 time with offset, or null when the text is not one. */
    static Instant rfc3339(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A time from a cell: Unix seconds or RFC 3339; null when neither. */
    static Instant time(String text) {
        Double seconds = number(text);
        return seconds != null ? epochSeconds(seconds) : rfc3339(text);
    }

    static final String TIME_RULE = "timestamp must be RFC 3339 with an offset (2026-11-01T10:00:00Z) or Unix seconds";

    static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }

    static String quoted(String text) {
        return "'" + MetricNames.printable(text) + "'";
    }
}
