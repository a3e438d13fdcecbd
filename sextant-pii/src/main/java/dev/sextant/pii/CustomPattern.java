package dev.sextant.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A workspace's own regular expression, guarded twice against catastrophic backtracking: when
 * it is saved, constructs that invite it are refused (back-references, a quantified group that
 * itself holds a quantifier such as {@code (a+)+}) and the pattern is tried on hostile texts;
 * when it runs, the text it reads counts every character access, and a match that needs more
 * than {@link #stepBudget(int)} accesses stops with {@link BudgetExceeded}. The masker then
 * replaces the whole value (it fails closed: text it could not scan is not stored as it was).
 */
public final class CustomPattern {
    public static final int MAX_LENGTH = 256;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Pattern BACKREFERENCE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\(?:[1-9]|k<)");
    /** A group whose body holds a quantifier, itself quantified: (a+)+, (\w*x)*, (a{2,}){3,}. */
    private static final Pattern NESTED_QUANTIFIER = Pattern.compile("\\((?:[^()\\\\]|\\\\.)*(?:[*+]|\\{\\d+,\\d*\\})(?:[^()\\\\]|\\\\.)*\\)(?:[*+]|\\{\\d+,\\d*\\})");
    private static final List<String> HOSTILE = List.of("a".repeat(1000) + "!", "1".repeat(1000) + "x",
            "a1 -_.@".repeat(150) + "\u0000", " ".repeat(1000) + "a", "aA1.-_@ ".repeat(120));

    private final String name;
    private final Pattern pattern;

    private CustomPattern(String name, Pattern pattern) {
        this.name = name;
        this.pattern = pattern;
    }

    /** A checked pattern; {@link IllegalArgumentException} with {@link #problem}'s text when it is refused. */
    public static CustomPattern of(String name, String regex) {
        problem(regex).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return new CustomPattern(name, Pattern.compile(regex));
    }

    public String name() {
        return name;
    }

    /** Why {@code name} is not a custom detector's name, if it is not. */
    public static Optional<String> nameProblem(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.of("a name is 1 to 32 characters: a lower-case letter, then lower-case letters, digits or _");
        }
        if (MaskingRules.BUILT_IN.stream().anyMatch(k -> k.wire().equals(name))) {
            return Optional.of("'" + name + "' is a built-in detector; choose another name for a custom pattern");
        }
        return Optional.empty();
    }

    /** Why {@code regex} is refused (syntax with its position, length, risky construct, too slow), if it is. */
    public static Optional<String> problem(String regex) {
        if (regex.isEmpty()) {
            return Optional.of("the pattern is empty");
        }
        if (regex.length() > MAX_LENGTH) {
            return Optional.of("the pattern has " + regex.length() + " characters, over the limit of " + MAX_LENGTH);
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.of("invalid regular expression at position " + e.getIndex() + ": " + e.getDescription());
        }
        if (compiled.matcher("").matches()) {
            return Optional.of("the pattern matches the empty text; it must match at least one character");
        }
        Matcher back = BACKREFERENCE.matcher(regex);
        if (back.find()) {
            return Optional.of("back-references (at position " + (back.end() - 2) + ") are not allowed: they can take"
                    + " exponential time");
        }
        Matcher nested = NESTED_QUANTIFIER.matcher(regex);
        if (nested.find()) {
            return Optional.of("a quantified group that holds a quantifier (at position " + nested.start()
                    + ") is not allowed: it can backtrack catastrophically; quantify the group or its contents, not both");
        }
        CustomPattern probe = new CustomPattern("probe", compiled);
        for (String hostile : HOSTILE) {
            try {
                probe.find(hostile);
            } catch (BudgetExceeded e) {
                return Optional.of("the pattern needs more than " + stepBudget(hostile.length()) + " steps on a "
                        + hostile.length() + "-character text; simplify it (fewer nested or overlapping repetitions)");
            }
        }
        return Optional.empty();
    }

    /**
     * Character reads allowed while matching a text of {@code length}: linear in the length with
     * room for a mildly quadratic pattern on short texts ({@code \\w+@} on a thousand letters),
     * capped at 50 million (well under a second) for any text.
     */
    public static long stepBudget(int length) {
        return Math.min(200L * length + 2_000_000, 50_000_000);
    }

    /** The spans this pattern matches in {@code text}, in order; {@link BudgetExceeded} when it takes too long. */
    public List<int[]> find(String text) {
        List<int[]> found = new ArrayList<>();
        Matcher m = pattern.matcher(new CountingText(text, stepBudget(text.length())));
        try {
            while (m.find()) {
                if (m.end() > m.start()) {
                    found.add(new int[] {m.start(), m.end()});
                }
            }
        } catch (StackOverflowError e) {
            // java.util.regex recurses per repetition of a group: a deep one is as bad as a slow one
            throw new BudgetExceeded();
        }
        return found;
    }

    /** The matching took more steps than its budget. */
    public static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("the pattern exceeded its step budget", null, false, false);
        }
    }

    /** A text that counts its character reads and stops the matcher past a budget. */
    private static final class CountingText implements CharSequence {
        private final String text;
        private final long[] left;

        CountingText(String text, long budget) {
            this(text, new long[] {budget});
        }

        private CountingText(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountingText(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
