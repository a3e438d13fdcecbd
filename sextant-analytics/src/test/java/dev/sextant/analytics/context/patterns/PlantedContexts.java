package dev.sextant.analytics.context.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded support-bot contexts. Channel: email 25%, fifteen others 5% each; locale: de 25%, fifteen
 * others 5% each; task type one of three; history length 0–39. With {@code planted}, email AND de
 * fails 80% of the time, email or de alone 2/15 of the time and the rest 0.2/0.5625, so that email
 * alone, de alone and all transactions fail 30% of the time: only the pair carries the signal (the
 * pairs of email or de with one other value are 1.25% of the data, under the 2% support). Without
 * it, every interaction fails with probability 0.3, whatever its context.
 */
final class PlantedContexts {
    static final double PAIR_FAILURE = 0.8;
    static final double BASELINE_FAILURE = 0.3;

    private PlantedContexts() {}

    static List<ContextRecord> generate(long seed, int n, boolean planted) {
        Random random = new Random(seed);
        List<ContextRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean email = random.nextDouble() < 0.25;
            boolean de = random.nextDouble() < 0.25;
            String channel = email ? "email" : "channel" + random.nextInt(15);
            String locale = de ? "de" : "locale" + random.nextInt(15);
            String task = List.of("billing", "shipping", "returns").get(random.nextInt(3));
            double history = random.nextInt(40);
            double failure = !planted ? BASELINE_FAILURE
                    : email && de ? PAIR_FAILURE : email || de ? 2.0 / 15 : 0.2 / 0.5625;
            boolean success = random.nextDouble() >= failure;
            out.add(new ContextRecord(Map.of("channel", List.of(channel), "locale", List.of(locale), "task_type",
                    List.of(task)), Map.of("history_length", history), success));
        }
        return out;
    }
}
