package dev.sextant.analytics.personalization;

import dev.sextant.store.UserBehaviour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Users split into behaviour segments by k-means++ ({@link KMeansPlusPlusClusterer}, the best of
 * {@link #TRIALS} runs by within-cluster variance) over the standardized {@link BehaviourFeatures}.
 * The random generator is seeded ({@link #SEED}) and the users are taken in user-id order, so the
 * same data always gives the same segments.
 *
 * <p>Choosing k: the caller's k, else the k in 2..{@link #MAX_AUTO_K} with the highest mean
 * silhouette (ties: the smaller k), trying only k with at least {@link #USERS_PER_SEGMENT} users per
 * segment on average and partitions whose every segment has {@link #MIN_AUTO_SEGMENT} users or
 * more. Fewer than {@link #MIN_USERS} users, or fewer than 3 × the given k, gives no segments and
 * says why.
 */
public final class UserSegments {
    public static final int MIN_USERS = 10;
    public static final int USERS_PER_SEGMENT = 3;
    public static final int MIN_K = 2;
    public static final int MAX_K = 10;
    public static final int MAX_AUTO_K = 6;
    /** When k is chosen, a partition with a smaller segment is not a candidate: one user is an outlier, not a segment. */
    public static final int MIN_AUTO_SEGMENT = 2;
    static final int SAMPLE_USERS = 20;
    /** At most about this many users enter the silhouette that chooses k. */
    static final int SILHOUETTE_SAMPLE = 2000;
    static final int TRIALS = 10;
    static final int MAX_ITERATIONS = 300;
    static final long SEED = 20261122L;

    private UserSegments() {}

    /** The segments of {@code users}; {@code k} null chooses it by silhouette. */
    public static Segmentation of(List<UserBehaviour> users, Integer k) {
        if (k != null && (k < MIN_K || k > MAX_K)) {
            throw new IllegalArgumentException("k must be between " + MIN_K + " and " + MAX_K + ", was " + k);
        }
        List<UserBehaviour> sorted = users.stream().sorted(Comparator.comparing(UserBehaviour::userId)).toList();
        BehaviourFeatures features = BehaviourFeatures.of(sorted);
        int n = sorted.size();
        if (n < MIN_USERS) {
            return Segmentation.none(n, features.names(), "segments need at least " + MIN_USERS
                    + " users with interactions in the range, found " + n);
        }
        if (k != null && n < USERS_PER_SEGMENT * k) {
            return Segmentation.none(n, features.names(), "k = " + k + " needs at least " + USERS_PER_SEGMENT * k
                    + " users (" + USERS_PER_SEGMENT + " per segment), found " + n);
        }
        List<UserPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new UserPoint(i, features.standardized()[i]));
        }
        List<List<UserPoint>> best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        int from = k == null ? MIN_K : k;
        int to = k == null ? Math.min(MAX_AUTO_K, n / USERS_PER_SEGMENT) : k;
        for (int candidate = from; candidate <= to; candidate++) {
            List<List<UserPoint>> clusters = cluster(points, candidate);
            if (clusters == null || (k == null && clusters.stream().anyMatch(c -> c.size() < MIN_AUTO_SEGMENT))) {
                continue;
            }
            // the silhouette is quadratic in the users: on many, every stride-th user (by id) stands for the rest
            int stride = (n + SILHOUETTE_SAMPLE - 1) / SILHOUETTE_SAMPLE;
            double s = Silhouette.mean(clusters.stream().map(c -> c.stream().filter(p -> p.index() % stride == 0)
                    .map(UserPoint::getPoint).toList()).toList());
            if (s > bestSilhouette + 1e-12) {
                best = clusters;
                bestSilhouette = s;
            }
        }
        if (best == null) {
            return Segmentation.none(n, features.names(), "no split into segments of at least "
                    + MIN_AUTO_SEGMENT + " users each was found: the users' behaviour vectors are too alike");
        }
        return new Segmentation(n, best.size(), k == null ? "silhouette" : "given", bestSilhouette, features.names(),
                segments(best, sorted, features), null);
    }

    /** The clusters of one k (members in user order), or null when k-means cannot make k non-empty ones. */
    private static List<List<UserPoint>> cluster(List<UserPoint> points, int k) {
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(SEED + k);
        KMeansPlusPlusClusterer<UserPoint> kmeans = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS,
                new EuclideanDistance(), random);
        List<CentroidCluster<UserPoint>> found;
        try {
            found = new MultiKMeansPlusPlusClusterer<>(kmeans, TRIALS).cluster(points);
        } catch (MathIllegalArgumentException | MathIllegalStateException e) {
            return null;
        }
        List<List<UserPoint>> clusters = found.stream()
                .map(c -> c.getPoints().stream().sorted(Comparator.comparingInt(UserPoint::index)).toList())
                .filter(c -> !c.isEmpty()).toList();
        return clusters.size() == k ? clusters : null;
    }

    private static List<Segment> segments(List<List<UserPoint>> clusters, List<UserBehaviour> users,
            BehaviourFeatures features) {
        List<List<UserPoint>> ordered = new ArrayList<>(clusters);
        // largest first; ties by the first member's user id
        ordered.sort(Comparator.<List<UserPoint>>comparingInt(List::size).reversed()
                .thenComparingInt(c -> c.getFirst().index()));
        Double overallRating = overallRating(users);
        List<String> names = features.names();
        List<Segment> segments = new ArrayList<>();
        for (List<UserPoint> members : ordered) {
            double[] raw = new double[names.size()];
            double[] z = new double[names.size()];
            for (UserPoint p : members) {
                for (int j = 0; j < names.size(); j++) {
                    raw[j] += features.raw()[p.index()][j];
                    z[j] += features.standardized()[p.index()][j];
                }
            }
            Map<String, Double> centroid = new LinkedHashMap<>();
            Map<String, Double> zCentroid = new LinkedHashMap<>();
            for (int j = 0; j < names.size(); j++) {
                centroid.put(names.get(j), raw[j] / members.size());
                zCentroid.put(names.get(j), z[j] / members.size());
            }
            List<String> traits = SegmentTraits.traits(names, zCentroid.values().stream().mapToDouble(d -> d).toArray(),
                    centroid.values().stream().mapToDouble(d -> d).toArray());
            segments.add(new Segment(segments.size() + 1, SegmentTraits.name(traits), members.size(),
                    (double) members.size() / users.size(), traits, centroid,
                    SegmentTraits.recommendations(centroid, zCentroid, overallRating),
                    members.stream().limit(SAMPLE_USERS).map(p -> users.get(p.index()).userId()).toList()));
        }
        return segments;
    }

    /** The mean of all users' ratings (every rating weighs the same), or null without one. */
    private static Double overallRating(List<UserBehaviour> users) {
        long count = users.stream().mapToLong(UserBehaviour::ratings).sum();
        return count == 0 ? null : users.stream().filter(u -> u.meanRating() != null)
                .mapToDouble(u -> Objects.requireNonNull(u.meanRating()) * u.ratings()).sum() / count;
    }

    /** A user's standardized vector, knowing the user's position in the sorted list. */
    private record UserPoint(int index, double[] vector) implements Clusterable {
        @Override
        public double[] getPoint() {
            return vector;
        }
    }
}
