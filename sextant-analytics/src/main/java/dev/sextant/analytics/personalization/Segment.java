package dev.sextant.analytics.personalization;

import java.util.List;
import java.util.Map;

/**
 * One behaviour segment: a name made of its {@code traits} (the features where its centroid
 * stands out), its size and share of the users, the centroid in original units (feature name to
 * the members' mean), what to do for it, and the first members by user id.
 */
public record Segment(int id, String name, int size, double share, List<String> traits, Map<String, Double> centroid,
        List<Recommendation> recommendations, List<String> sampleUsers) {

    public Segment {
        traits = List.copyOf(traits);
        centroid = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(centroid));
        recommendations = List.copyOf(recommendations);
        sampleUsers = List.copyOf(sampleUsers);
    }

    /** A suggested change: a stable {@code code} for programs and a sentence with the figures behind it. */
    public record Recommendation(String code, String text) {}
}
