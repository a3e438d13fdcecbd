package dev.sextant.server.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An endpoint's query parameters, read strictly and the same way everywhere. Each of these is a
 * problem naming the parameter: an unknown name (a misspelt filter would otherwise select
 * everything), a parameter given more than once, an empty or blank value, one longer than its limit
 * ({@link #MAX_LENGTH} unless the caller says otherwise), one holding a control character (NUL
 * included, which PostgreSQL cannot store), and one that does not parse as what it should be.
 * Problems are collected, and {@link #done()} throws them all at once as a 400. Names and values
 * quoted in a message are at most {@link #ECHO} characters long, control characters shown as '?'.
 */
public final class QueryParams {
    /** The default limit of a value's length. */
    public static final int MAX_LENGTH = 256;
    /** At most this many characters of a name or value are quoted back. */
    public static final int ECHO = 80;

    private static final String TIME = "an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z";
    private static final Pattern MONEY = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,9})?");
    private static final Pattern LETTER = Pattern.compile(".*[a-zA-Z].*");

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();
    private int maxLength = MAX_LENGTH;

    private QueryParams(Map<String, String[]> parameters, Collection<String> known) {
        this.parameters = parameters;
        Set<String> names = new TreeSet<>(known);
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (!names.contains(name)) {
                problem(name, "unknown parameter '" + shown(name) + "'; "
                        + (names.isEmpty() ? "this endpoint takes none" : "known: " + String.join(", ", names)));
            }
        }
    }

    /** Reads {@code parameters} (a servlet request's parameter map) of an endpoint taking {@code known}. */
    public static QueryParams of(Map<String, String[]> parameters, String... known) {
        return new QueryParams(parameters, List.of(known));
    }

    public static QueryParams of(Map<String, String[]> parameters, Collection<String> known) {
        return new QueryParams(parameters, known);
    }

    /** Refuses every parameter: for endpoints that take none. */
    public static void none(Map<String, String[]> parameters) {
        of(parameters).done();
    }

    /** Makes {@code maxLength} the limit of a value's length where a read names none. */
    public QueryParams withMaxLength(int maxLength) {
        this.maxLength = maxLength;
        return this;
    }

    /** Whether the parameter was given at all (rightly or not). */
    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** The one value, at most {@link #MAX_LENGTH} (or {@link #withMaxLength}) characters; null when absent or wrong. */
    public String text(String name) {
        return text(name, maxLength);
    }

    /** The one value, at most {@code maxLength} characters; null when absent or wrong. */
    public String text(String name, int maxLength) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length != 1) {
            problem(name, name + " was given " + values.length + " times; give it once");
            return null;
        }
        return checked(name, values[0], maxLength) ? values[0] : null;
    }

    /** Every value of a repeatable parameter (at most {@code maxTimes}), each checked as {@link #text(String)}. */
    public List<String> all(String name, int maxTimes) {
        String[] values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        if (values.length > maxTimes) {
            problem(name, name + " was given " + values.length + " times, at most " + maxTimes);
            return List.of();
        }
        List<String> right = new ArrayList<>(values.length);
        for (String value : values) {
            if (checked(name, value, maxLength)) {
                right.add(value);
            }
        }
        return right;
    }

    private boolean checked(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problem(name, name + " is empty; give it a value or leave it out");
            return false;
        }
        if (value.length() > maxLength) {
            problem(name, name + " is " + value.length() + " characters, over the limit of " + maxLength);
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                problem(name, name + " contains a control character (U+" + String.format("%04X", (int) value.charAt(i))
                        + "); remove it");
                return false;
            }
        }
        return true;
    }

    /** The one value; a problem when absent. */
    public String required(String name) {
        if (!has(name)) {
            problem(name, name + " is required");
            return null;
        }
        return text(name);
    }

    /** An RFC 3339 time with an offset, or null when absent or wrong. */
    public Instant time(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            problem(name, name + " must be " + TIME + ", was '" + shown(raw) + "'");
            return null;
        }
    }

    /** A whole number (an int), or null when absent or wrong. */
    public Integer whole(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            problem(name, name + " must be a whole number, was '" + shown(raw) + "'");
            return null;
        }
    }

    /** A whole number from {@code min} to {@code max}, or null when absent or wrong. */
    public Integer whole(String name, int min, int max) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, name + " must be a whole number between " + min + " and " + max + ", was '" + shown(raw) + "'");
        return null;
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent or wrong (a problem then). */
    public int whole(String name, int min, int max, int fallback) {
        Integer value = whole(name, min, max);
        return value == null ? fallback : value;
    }

    /** A whole number from {@code min} to {@code max} (a long), or null when absent or wrong. */
    public Long wholeLong(String name, long min, long max) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, name + " must be a whole number between " + min + " and " + max + ", was '" + shown(raw) + "'");
        return null;
    }

    /** {@code true} or {@code false}; false when absent or wrong. */
    public boolean flag(String name) {
        String raw = text(name);
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        problem(name, name + " must be true or false, was '" + shown(raw) + "'");
        return false;
    }

    /** A finite decimal number (no NaN, infinity or hexadecimal), or null when absent or wrong. */
    public Double number(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw);
            if (Double.isFinite(value) && !LETTER.matcher(raw.strip()).matches()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, name + " must be a number, was '" + shown(raw) + "'");
        return null;
    }

    /** One of {@code choices} (their wire names), or null when absent or wrong. */
    public String choice(String name, List<String> choices) {
        String raw = text(name);
        if (raw == null || choices.contains(raw)) {
            return raw;
        }
        problem(name, name + " must be one of " + String.join(", ", choices) + ", was '" + shown(raw) + "'");
        return null;
    }

    /**
     * A non-negative amount of money in USD: digits with an optional decimal point, at most 12
     * before it and 9 after (no sign, exponent, NaN or infinity); null when absent or wrong.
     */
    public BigDecimal money(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        if (MONEY.matcher(raw).matches()) {
            return new BigDecimal(raw);
        }
        problem(name, name + " must be a non-negative amount in USD such as 2.50 (at most 12 digits before the point"
                + " and 9 after), was '" + shown(raw) + "'");
        return null;
    }

    /** The value parsed by {@code parse}, or null when absent or wrong; {@code expected} says what a right one is. */
    public <T> T value(String name, Function<String, T> parse, String expected) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            T value = parse.apply(raw);
            if (value != null) {
                return value;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        problem(name, name + " must be " + expected + ", was '" + shown(raw) + "'");
        return null;
    }

    /** Adds a problem of the parameter {@code name} (shown shortened). */
    public void problem(String name, String message) {
        problems.add(FieldProblem.parameter(shown(name), message));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Throws every problem found so far as a 400; returns when there is none. */
    public void done() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** A name or value as quoted in a message: control characters as '?', at most {@link #ECHO} characters. */
    public static String shown(String text) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), ECHO) + 3);
        for (int i = 0; i < text.length() && i < ECHO; i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() <= ECHO ? shown.toString() : shown.append("...").toString();
    }
}
