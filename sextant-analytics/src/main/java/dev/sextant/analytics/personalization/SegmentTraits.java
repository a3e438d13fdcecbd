package dev.sextant.analytics.personalization;

import dev.sextant.analytics.personalization.Segment.Recommendation;
import dev.sextant.store.UserBehaviour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names and recommendations of a segment from its centroid. A feature is a trait when the
 * centroid's z-score is at least {@link #STANDS_OUT} away from the users' mean and the feature
 * has a word for that side (high night share: "night"; low output length: "short answers"); a
 * share must also be at least {@link #MIN_SHARE} of the segment's interactions to name it (6% in
 * the evening is more than others, but not an evening segment). The name is the up to three
 * strongest traits (ties by word), or "typical" when none stands out. Traits are relative to the
 * users segmented: filter by agent to compare like with like.
 *
 * <p>Recommendations, each from a rule on the centroid (original units) against all users:
 * <ul>
 *   <li>{@code shorten_responses}: answers longer than average (z ≥ 0.5) and rated below the
 *       users' mean rating;</li>
 *   <li>{@code give_fuller_answers}: answers shorter than average (z ≤ −0.5) and rated below it;</li>
 *   <li>{@code staff_night_handoffs}: at least 25% of interactions at night (00-06 UTC) and some
 *       handed off: people must be on call at night, or hand-offs go to an asynchronous queue;</li>
 *   <li>{@code review_handoffs}: hand-off share above average (z ≥ 0.5) and at least 10%;</li>
 *   <li>{@code voice_friendly_answers}: at least half of the interactions by voice;</li>
 *   <li>{@code investigate_low_satisfaction}: mean rating below 3 (of 5).</li>
 * </ul>
 */
final class SegmentTraits {
    static final double STANDS_OUT = 0.5;
    static final int NAME_TRAITS = 3;
    /** A share (hours, message type, hand-offs) names a segment only when it is at least this large. */
    static final double MIN_SHARE = 0.25;

    private SegmentTraits() {}

    static List<String> traits(List<String> features, double[] z, double[] raw) {
        record Trait(String word, double strength) {}
        List<Trait> found = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            String feature = features.get(j);
            boolean share = feature.startsWith("share_") || feature.endsWith("_share");
            String word = z[j] >= STANDS_OUT && (!share || raw[j] >= MIN_SHARE) ? high(feature)
                    : z[j] <= -STANDS_OUT ? low(feature) : null;
            if (word != null) {
                found.add(new Trait(word, Math.abs(z[j])));
            }
        }
        return found.stream().sorted(Comparator.comparingDouble(Trait::strength).reversed().thenComparing(Trait::word))
                .limit(NAME_TRAITS).map(Trait::word).toList();
    }

    static String name(List<String> traits) {
        return traits.isEmpty() ? "typical" : String.join(", ", traits);
    }

    private static String high(String feature) {
        return switch (feature) {
            case "interactions" -> "frequent";
            case "mean_input_chars" -> "long questions";
            case "mean_output_chars" -> "long answers";
            case "night_share" -> "night";
            case "morning_share" -> "morning";
            case "afternoon_share" -> "afternoon";
            case "evening_share" -> "evening";
            case "mean_rating" -> "satisfied";
            case "distinct_agents" -> "several agents";
            case "handoff_share" -> "often handed off";
            case "share_" + UserBehaviour.NO_MESSAGE_TYPE -> "no message type";
            default -> feature.startsWith("share_") ? feature.substring("share_".length()) : null;
        };
    }

    private static String low(String feature) {
        return switch (feature) {
            case "interactions" -> "occasional";
            case "mean_input_chars" -> "short questions";
            case "mean_output_chars" -> "short answers";
            case "mean_rating" -> "dissatisfied";
            default -> null;
        };
    }

    static List<Recommendation> recommendations(Map<String, Double> centroid, Map<String, Double> z,
            Double overallRating) {
        List<Recommendation> out = new ArrayList<>();
        double rating = centroid.get("mean_rating");
        boolean ratedLow = overallRating != null && rating < overallRating;
        double output = centroid.get("mean_output_chars");
        if (z.get("mean_output_chars") >= STANDS_OUT && ratedLow) {
            out.add(new Recommendation("shorten_responses", String.format(Locale.ROOT,
                    "answers average %.0f characters, longer than usual, and the rating %.2f is below the users'"
                            + " %.2f: try shorter, more direct responses", output, rating, overallRating)));
        }
        if (z.get("mean_output_chars") <= -STANDS_OUT && ratedLow) {
            out.add(new Recommendation("give_fuller_answers", String.format(Locale.ROOT,
                    "answers average %.0f characters, shorter than usual, and the rating %.2f is below the users'"
                            + " %.2f: try fuller answers with the steps spelled out", output, rating, overallRating)));
        }
        double night = centroid.get("night_share");
        double handoffs = centroid.get("handoff_share");
        if (night >= 0.25 && handoffs > 0) {
            out.add(new Recommendation("staff_night_handoffs", String.format(Locale.ROOT,
                    "%.0f%% of interactions are at night (00-06 UTC) and %.0f%% are handed off: have people on call"
                            + " at night or send night hand-offs to an asynchronous queue", night * 100, handoffs * 100)));
        }
        if (z.get("handoff_share") >= STANDS_OUT && handoffs >= 0.1) {
            out.add(new Recommendation("review_handoffs", String.format(Locale.ROOT,
                    "%.0f%% of interactions are handed off, more than usual: review the hand-off reasons and what"
                            + " the agent could answer itself", handoffs * 100)));
        }
        Double voice = centroid.get("share_voice");
        if (voice != null && voice >= 0.5) {
            out.add(new Recommendation("voice_friendly_answers", String.format(Locale.ROOT,
                    "%.0f%% of interactions are by voice: keep spoken answers short, one step at a time", voice * 100)));
        }
        if (rating < 3) {
            out.add(new Recommendation("investigate_low_satisfaction", String.format(Locale.ROOT,
                    "the mean rating is %.2f of 5: read this segment's low-rated interactions first", rating)));
        }
        return out;
    }
}
