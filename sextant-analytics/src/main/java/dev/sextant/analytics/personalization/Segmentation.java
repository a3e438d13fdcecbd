package dev.sextant.analytics.personalization;

import java.util.List;

/**
 * The users split into segments, or why not ({@code reason}, with no segments). {@code kChoice}
 * says where k came from: {@code given} or {@code silhouette} (the best mean silhouette over
 * k = 2..6); {@code silhouette} is the chosen partition's, {@code features} name the vector's
 * dimensions in order.
 */
public record Segmentation(int users, Integer k, String kChoice, Double silhouette, List<String> features,
        List<Segment> segments, String reason) {

    public Segmentation {
        features = List.copyOf(features);
        segments = List.copyOf(segments);
    }

    static Segmentation none(int users, List<String> features, String reason) {
        return new Segmentation(users, null, null, null, features, List.of(), reason);
    }
}
