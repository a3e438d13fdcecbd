package dev.sextant.analytics;

import dev.sextant.store.FeedbackComment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.inference.GTest;

/**
 * Feedback themes from comments. Each comment becomes a set of terms ({@link CommentTerms}); a
 * term's count is the number of comments that contain it. {@code common} ranks terms by that
 * count. {@code lowRated} ranks the terms that appear proportionally more often in low-rated
 * comments than in high-rated ones by Dunning's log-likelihood ratio G² on the 2×2 table
 * (comments with / without the term × low / high), with its p-value against χ² with one degree
 * of freedom (Commons Math {@link GTest}); {@code highRated} is the mirror image. A term needs
 * {@link #MIN_COMMENTS} comments to be listed; a unigram is left out when a bigram holding it
 * has exactly its counts (it says nothing the bigram does not).
 */
public final class FeedbackThemes {
    public static final int MIN_COMMENTS = 2;
    public static final int EXAMPLES = 3;
    public static final double SIGNIFICANCE = 0.05;

    private FeedbackThemes() {
    }

    /** A term with how many comments hold it, overall and per side, and the test when both sides exist. */
    public record Theme(String term, long comments, long lowComments, long highComments, Double g2, Double pValue,
            boolean significant, List<String> examples) {
        public Theme {
            examples = List.copyOf(examples);
        }
    }

    /**
     * The themes of {@code comments}: how many comments were read, how many were low-rated
     * (value ≤ lowMax) and high-rated (value ≥ highMin); a comparison needs both sides, else
     * {@code lowRated} and {@code highRated} are empty and {@code reason} says why.
     */
    public record Themes(long comments, long lowComments, long highComments, List<Theme> common,
            List<Theme> lowRated, List<Theme> highRated, String reason) {
        public Themes {
            common = List.copyOf(common);
            lowRated = List.copyOf(lowRated);
            highRated = List.copyOf(highRated);
        }
    }

    private static final class Counts {
        long all;
        long low;
        long high;
        final List<String> anyExamples = new ArrayList<>();
        final List<String> lowExamples = new ArrayList<>();
        final List<String> highExamples = new ArrayList<>();
    }

    /** {@code comments} newest first (examples are the newest distinct texts); {@code limit} terms per list. */
    public static Themes of(List<FeedbackComment> comments, double lowMax, double highMin, int limit) {
        if (!(lowMax < highMin)) {
            throw new IllegalArgumentException("low_max (" + lowMax + ") must be below high_min (" + highMin + ")");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        Map<String, Counts> terms = new HashMap<>();
        long low = 0;
        long high = 0;
        for (FeedbackComment c : comments) {
            Double v = c.value();
            boolean isLow = v != null && v <= lowMax;
            boolean isHigh = v != null && v >= highMin;
            low += isLow ? 1 : 0;
            high += isHigh ? 1 : 0;
            String text = c.comment().strip();
            for (String term : CommentTerms.of(text)) {
                Counts n = terms.computeIfAbsent(term, t -> new Counts());
                n.all++;
                example(n.anyExamples, text);
                if (isLow) {
                    n.low++;
                    example(n.lowExamples, text);
                } else if (isHigh) {
                    n.high++;
                    example(n.highExamples, text);
                }
            }
        }
        Set<String> subsumed = subsumed(terms);
        Map<String, Counts> kept = new HashMap<>();
        terms.forEach((term, n) -> {
            if (n.all >= MIN_COMMENTS && !subsumed.contains(term)) {
                kept.put(term, n);
            }
        });
        List<Theme> common = kept.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Counts> e) -> -e.getValue().all)
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).map(e -> theme(e.getKey(), e.getValue(), null, null, e.getValue().anyExamples)).toList();
        if (low == 0 || high == 0) {
            String reason = "no comparison: " + low + " low-rated (value <= " + lowMax + ") and " + high
                    + " high-rated (value >= " + highMin + ") comments; both sides need at least one";
            return new Themes(comments.size(), low, high, common, List.of(), List.of(), reason);
        }
        List<Theme> lowRated = new ArrayList<>();
        List<Theme> highRated = new ArrayList<>();
        for (Map.Entry<String, Counts> e : kept.entrySet()) {
            Counts n = e.getValue();
            double lowShare = n.low / (double) low;
            double highShare = n.high / (double) high;
            if (lowShare == highShare) {
                continue;
            }
            double[] test = gTest(n.low, low - n.low, n.high, high - n.high);
            if (lowShare > highShare && n.low >= MIN_COMMENTS) {
                lowRated.add(theme(e.getKey(), n, test[0], test[1], n.lowExamples));
            } else if (highShare > lowShare && n.high >= MIN_COMMENTS) {
                highRated.add(theme(e.getKey(), n, test[0], test[1], n.highExamples));
            }
        }
        Comparator<Theme> byG2 = Comparator.comparingDouble((Theme t) -> -t.g2()).thenComparing(Theme::term);
        lowRated.sort(byG2);
        highRated.sort(byG2);
        return new Themes(comments.size(), low, high, common, lowRated.stream().limit(limit).toList(),
                highRated.stream().limit(limit).toList(), null);
    }

    /**
     * G² and its p-value for comments with / without the term among the low-rated ({@code k11},
     * {@code k12}) and the high-rated ({@code k21}, {@code k22}) ones.
     */
    static double[] gTest(long k11, long k12, long k21, long k22) {
        GTest g = new GTest();
        try {
            long[] lowSide = {k11, k12};
            long[] highSide = {k21, k22};
            return new double[] {g.gDataSetsComparison(lowSide, highSide), g.gTestDataSetsComparison(lowSide, highSide)};
        } catch (MathIllegalArgumentException e) {
            // a column of zeros (every comment on both sides holds the term): no difference at all
            return new double[] {0, 1};
        }
    }

    /** The unigrams that a bigram holding them matches count for count. */
    private static Set<String> subsumed(Map<String, Counts> terms) {
        Set<String> subsumed = new HashSet<>();
        terms.forEach((term, b) -> {
            int space = term.indexOf(' ');
            if (space < 0) {
                return;
            }
            for (String word : List.of(term.substring(0, space), term.substring(space + 1))) {
                Counts n = terms.get(word);
                if (n != null && n.all == b.all && n.low == b.low && n.high == b.high) {
                    subsumed.add(word);
                }
            }
        });
        return subsumed;
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < EXAMPLES && !examples.contains(text)) {
            examples.add(text);
        }
    }

    private static Theme theme(String term, Counts n, Double g2, Double p, List<String> examples) {
        return new Theme(term, n.all, n.low, n.high, g2, p, p != null && p < SIGNIFICANCE, examples);
    }
}
