package dev.sextant.analytics.personalization;

import dev.sextant.store.UserBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The behaviour vector of each user, in original units and standardized (z-scores over the users,
 * population standard deviation; a feature that does not vary is 0 for everyone). Features:
 * {@code interactions} (standardized on log(1 + n), so a few heavy users do not stretch the
 * axis), {@code mean_input_chars}, {@code mean_output_chars} (response length preference),
 * {@code share_<message type>} for every message type present (interaction style), the four
 * {@code *_share} activity hours, {@code mean_rating}, {@code distinct_agents} and
 * {@code handoff_share}. A missing mean (no text, no rating) takes the mean over the users that
 * have one, so it neither pulls a user anywhere nor drops them.
 */
record BehaviourFeatures(List<String> names, double[][] raw, double[][] standardized) {

    static BehaviourFeatures of(List<UserBehaviour> users) {
        List<String> names = new ArrayList<>();
        List<ToDoubleFunction<UserBehaviour>> raw = new ArrayList<>();
        List<ToDoubleFunction<UserBehaviour>> scaled = new ArrayList<>();
        add(names, raw, scaled, "interactions", u -> u.interactions(), u -> Math.log1p(u.interactions()));
        double input = meanOf(users, UserBehaviour::meanInputChars);
        double output = meanOf(users, UserBehaviour::meanOutputChars);
        double rating = meanOf(users, UserBehaviour::meanRating);
        addRaw(names, raw, scaled, "mean_input_chars", u -> Objects.requireNonNullElse(u.meanInputChars(), input));
        addRaw(names, raw, scaled, "mean_output_chars", u -> Objects.requireNonNullElse(u.meanOutputChars(), output));
        TreeSet<String> types = new TreeSet<>();
        users.forEach(u -> types.addAll(u.messageTypes().keySet()));
        for (String type : types) {
            addRaw(names, raw, scaled, "share_" + type, u -> u.share(u.messageTypes().getOrDefault(type, 0L)));
        }
        addRaw(names, raw, scaled, "night_share", u -> u.share(u.night()));
        addRaw(names, raw, scaled, "morning_share", u -> u.share(u.morning()));
        addRaw(names, raw, scaled, "afternoon_share", u -> u.share(u.afternoon()));
        addRaw(names, raw, scaled, "evening_share", u -> u.share(u.evening()));
        addRaw(names, raw, scaled, "mean_rating", u -> Objects.requireNonNullElse(u.meanRating(), rating));
        addRaw(names, raw, scaled, "distinct_agents", u -> u.distinctAgents());
        addRaw(names, raw, scaled, "handoff_share", u -> u.share(u.handoffs()));

        int n = users.size();
        int d = names.size();
        double[][] values = new double[n][d];
        double[][] z = new double[n][d];
        for (int j = 0; j < d; j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                values[i][j] = raw.get(j).applyAsDouble(users.get(i));
                column[i] = scaled.get(j).applyAsDouble(users.get(i));
            }
            double mean = java.util.Arrays.stream(column).average().orElse(0);
            double sd = Math.sqrt(java.util.Arrays.stream(column).map(x -> (x - mean) * (x - mean)).average().orElse(0));
            for (int i = 0; i < n; i++) {
                z[i][j] = sd < 1e-12 ? 0 : (column[i] - mean) / sd;
            }
        }
        return new BehaviourFeatures(List.copyOf(names), values, z);
    }

    int index(String name) {
        return names.indexOf(name);
    }

    private static void add(List<String> names, List<ToDoubleFunction<UserBehaviour>> raw,
            List<ToDoubleFunction<UserBehaviour>> scaled, String name, ToDoubleFunction<UserBehaviour> value,
            ToDoubleFunction<UserBehaviour> forDistance) {
        names.add(name);
        raw.add(value);
        scaled.add(forDistance);
    }

    private static void addRaw(List<String> names, List<ToDoubleFunction<UserBehaviour>> raw,
            List<ToDoubleFunction<UserBehaviour>> scaled, String name, ToDoubleFunction<UserBehaviour> value) {
        add(names, raw, scaled, name, value, value);
    }

    private static double meanOf(List<UserBehaviour> users, java.util.function.Function<UserBehaviour, Double> value) {
        return users.stream().map(value).filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
