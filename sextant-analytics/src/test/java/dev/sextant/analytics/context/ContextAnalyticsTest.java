package dev.sextant.analytics.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.context.ContextObservation;
import dev.sextant.store.context.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Known answers on seeded data with a planted effect: {@code locale=de} halves the success rate
 * (0.8 → 0.4) and costs more; latency grows with {@code history_length}; {@code channel} has no
 * effect (a planted null).
 */
class ContextAnalyticsTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    static List<ContextObservation> planted(int n, long seed) {
        Random random = new Random(seed);
        String[] locales = {"en", "de", "fr"};
        List<ContextObservation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String locale = locales[random.nextInt(3)];
            String channel = random.nextBoolean() ? "web" : "email";
            int history = random.nextInt(21);
            boolean success = random.nextDouble() < (locale.equals("de") ? 0.4 : 0.8);
            long latency = 100 + 50L * history + random.nextInt(200);
            double cost = (locale.equals("de") ? 0.02 : 0.01) + random.nextDouble() * 0.005;
            Double rating = random.nextInt(4) == 0 ? null : (double) (success ? 4 + random.nextInt(2) : 1 + random.nextInt(3));
            out.add(new ContextObservation(String.format("t%05d", i), "bot", AT.plusSeconds(i),
                    Map.of("locale", List.of(locale), "channel", List.of(channel)), Map.of("history_length", (double) history),
                    new Outcome(success, false, latency, cost, rating)));
        }
        return out;
    }

    @Test
    public void relevanceFindsThePlantedEffectAndNotTheNull() {
        ContextRelevance.Report report = ContextRelevance.analyse(planted(3000, 42), 10);

        assertThat(report.status()).isEqualTo("ok");
        ContextRelevance.Relevance de = find(report, "locale", "de");
        assertThat(report.items().getFirst()).as("the strongest evidence first").isEqualTo(de);
        double overall = report.successRate();
        assertThat(de.rateWith()).isCloseTo(0.4, within(0.04));
        assertThat(de.lift()).isCloseTo(0.4 / overall, within(0.06));
        assertThat(de.liftHigh()).isLessThan(1.0);
        assertThat(de.liftLow()).isLessThan(de.lift());
        assertThat(de.qValue()).isLessThan(1e-6);
        assertThat(de.rateWithHigh()).isLessThan(de.rateWithoutLow());
        assertThat(de.failureShare()).isGreaterThan(de.successShare());
        for (String channel : List.of("web", "email")) {
            ContextRelevance.Relevance r = find(report, "channel", channel);
            assertThat(r.liftLow()).as("planted null: the interval covers 1").isLessThan(1.0);
            assertThat(r.liftHigh()).isGreaterThan(1.0);
            assertThat(r.qValue()).isGreaterThan(0.05);
        }
        // numeric type: four quartile bins covering every interaction once
        List<ContextRelevance.Relevance> bins = report.items().stream().filter(r -> r.type().equals("history_length")).toList();
        assertThat(bins).hasSize(4).allMatch(ContextRelevance.Relevance::numeric);
        assertThat(bins.stream().mapToLong(ContextRelevance.Relevance::count).sum()).isEqualTo(3000);
        assertThat(bins).extracting(ContextRelevance.Relevance::value).contains("[0, 5]", "(15, 20]");
    }

    @Test
    public void anItemEverywhereHasLiftOneExactly() {
        List<ContextObservation> obs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            obs.add(new ContextObservation("t" + i, "a", AT, Map.of("tier", List.of("pro")), Map.of(),
                    new Outcome(i % 4 != 0, false, null, null, null)));
        }
        ContextRelevance.Relevance r = ContextRelevance.analyse(obs, 5).items().getFirst();
        assertThat(r.count()).isEqualTo(40);
        assertThat(r.successesWith()).isEqualTo(30);
        assertThat(r.lift()).isEqualTo(1.0);
        assertThat(r.liftLow()).isCloseTo(1.0, within(1e-9));
        assertThat(r.liftHigh()).isCloseTo(1.0, within(1e-9));
        assertThat(r.rateWithout()).isNull();
        assertThat(r.pValue()).isEqualTo(1.0);
        // Wilson 95% for 30/40: 0.5980 to 0.8581
        assertThat(r.rateWithLow()).isCloseTo(0.5980, within(5e-4));
        assertThat(r.rateWithHigh()).isCloseTo(0.8581, within(5e-4));
    }

    @Test
    public void tooLittleDataIsSaidSo() {
        assertThat(ContextRelevance.analyse(planted(10, 1), 1).status()).isEqualTo("insufficient_data");
        List<ContextObservation> allGood = new ArrayList<>();
        for (ContextObservation o : planted(50, 2)) {
            allGood.add(new ContextObservation(o.traceId(), o.agentId(), o.startedAt(), o.values(), o.numbers(),
                    new Outcome(true, false, null, null, null)));
        }
        ContextRelevance.Report report = ContextRelevance.analyse(allGood, 1);
        assertThat(report.status()).isEqualTo("insufficient_data");
        assertThat(report.reason()).contains("succeeded");
        assertThat(ContextRelevance.analyse(planted(50, 3), 1000).status()).isEqualTo("insufficient_data");
        assertThat(ContextRelevance.analyse(planted(50, 3), 1000).itemsBelowMinCount()).isGreaterThan(0);
    }

    @Test
    public void correlationsFindThePlantedRelationsAndNotTheNull() {
        ContextCorrelations.Report report = ContextCorrelations.analyse(planted(3000, 7), 10);

        ContextCorrelations.NumericType history = report.numeric().getFirst();
        assertThat(history.type()).isEqualTo("history_length");
        ContextCorrelations.Correlation latency = metric(history.metrics(), "latency_ms");
        assertThat(latency.estimate()).isGreaterThan(0.9);
        assertThat(latency.low()).isGreaterThan(0.85);
        assertThat(latency.pValue()).isLessThan(1e-10);
        ContextCorrelations.Correlation success = metric(history.metrics(), "success");
        assertThat(success.low()).as("no planted relation: the interval covers 0").isLessThan(0);
        assertThat(success.high()).isGreaterThan(0);

        ContextCorrelations.CategoricalValue de = report.categorical().stream()
                .filter(c -> c.type().equals("locale") && c.value().equals("de")).findFirst().orElseThrow();
        ContextCorrelations.Correlation deSuccess = metric(de.metrics(), "success");
        assertThat(deSuccess.estimate()).isCloseTo(0.4 - 0.8, within(0.05));
        assertThat(deSuccess.high()).isLessThan(0);
        ContextCorrelations.Correlation deCost = metric(de.metrics(), "cost_usd");
        assertThat(deCost.estimate()).isCloseTo(0.01, within(0.001));
        assertThat(deCost.low()).isGreaterThan(0);
        assertThat(metric(de.metrics(), "rating").estimate()).isLessThan(0);

        ContextCorrelations.CategoricalValue web = report.categorical().stream()
                .filter(c -> c.type().equals("channel") && c.value().equals("web")).findFirst().orElseThrow();
        ContextCorrelations.Correlation webSuccess = metric(web.metrics(), "success");
        assertThat(webSuccess.low()).isLessThan(0);
        assertThat(webSuccess.high()).isGreaterThan(0);
        ContextCorrelations.Correlation webLatency = metric(web.metrics(), "latency_ms");
        assertThat(webLatency.low()).isLessThan(0);
        assertThat(webLatency.high()).isGreaterThan(0);
    }

    @Test
    public void newcombeMatchesThePublishedExample() {
        // Newcombe (1998), example (a): 56/70 vs 48/80, method 10: 0.0524 to 0.3339
        double[] ci = Intervals.newcombe(56, 70, 48, 80);
        assertThat(ci[0]).isCloseTo(0.0524, within(5e-4));
        assertThat(ci[1]).isCloseTo(0.3339, within(5e-4));
    }

    private static ContextRelevance.Relevance find(ContextRelevance.Report report, String type, String value) {
        return report.items().stream().filter(r -> r.type().equals(type) && r.value().equals(value)).findFirst().orElseThrow();
    }

    private static ContextCorrelations.Correlation metric(List<ContextCorrelations.Correlation> metrics, String name) {
        return metrics.stream().filter(m -> m.metric().equals(name)).findFirst().orElseThrow();
    }
}
