package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.Score;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Alert;
import dev.sextant.store.AlertQuery;
import dev.sextant.store.AlertRule;
import dev.sextant.store.AlertRuleSpec;
import dev.sextant.store.AlertRuleSpec.Anomaly;
import dev.sextant.store.AlertRuleSpec.AnomalyDirection;
import dev.sextant.store.AlertRuleSpec.Op;
import dev.sextant.store.AlertRuleSpec.Threshold;
import dev.sextant.store.AlertSignal;
import dev.sextant.store.AlertStatus;
import dev.sextant.store.AlertStore.AlertPage;
import dev.sextant.store.AlertStore.Raised;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.MetricWindows;
import dev.sextant.store.MetricWindows.TimeWindow;
import dev.sextant.store.Severity;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.Webhook;
import dev.sextant.store.WebhookDelivery;
import dev.sextant.store.WindowValue;
import dev.sextant.store.WorkspaceBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Alerting storage: metric windows (checked against figures computed here from the generated
 * interactions), rules, de-duplicated alerts, webhooks and deliveries, and tenant isolation.
 */
public abstract class AlertContract extends StoreContract {
    private static final Instant H0 = Instant.parse("2026-11-02T00:00:00Z");

    private record Gen(Instant start, String agent, boolean error, Double rating) {}

    /** 200 seeded interactions over 10 hours, two agents, ~30% errors, some rated. */
    private List<Gen> seed(WorkspaceId ws, long seed) {
        Random r = new Random(seed);
        List<Gen> gens = new ArrayList<>();
        List<Trace> traces = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Instant start = H0.plusSeconds(r.nextInt(10 * 3600));
            String agent = r.nextBoolean() ? "bot-a" : "bot-b";
            boolean error = r.nextDouble() < 0.3;
            Double rating = r.nextDouble() < 0.4 ? (double) (1 + r.nextInt(5)) : null;
            gens.add(new Gen(start, agent, error, rating));
            Trace t = Fixtures.withAgent(Fixtures.bareTrace("t" + i, start, start.plusMillis(100)), agent);
            traces.add(new Trace(t.id(), t.agentId(), null, null, null, null, null, null,
                    error ? Status.ERROR : Status.OK, null, start, start.plusMillis(100), null, null, null, null,
                    null, null, null, null, null, null));
            if (rating != null) {
                scores.add(new Score("s" + i, "t" + i, null, "user_rating", rating, null, null, "user", null, start));
            }
        }
        write(new WorkspaceBatch(ws, traces, List.of(), scores, List.of()));
        return gens;
    }

    private static List<TimeWindow> windows() {
        return List.of(new TimeWindow(H0, H0.plus(Duration.ofHours(1))),
                new TimeWindow(H0.plus(Duration.ofMinutes(90)), H0.plus(Duration.ofMinutes(215))),
                new TimeWindow(H0.plus(Duration.ofHours(3)), H0.plus(Duration.ofHours(10))),
                new TimeWindow(H0.minus(Duration.ofHours(5)), H0.minus(Duration.ofHours(4))));
    }

    private static boolean in(Gen g, TimeWindow w) {
        return !g.start().isBefore(w.from()) && g.start().isBefore(w.to());
    }

    @Test
    public void windowCountsErrorRatesAndSatisfactionMatchTheGeneratedData() {
        WorkspaceId ws = newWorkspace();
        List<Gen> gens = seed(ws, 41);
        List<TimeWindow> windows = windows();

        List<WindowValue> counts = store().metricWindows().values(ws,
                new MetricWindows(Metric.INTERACTIONS, InteractionQuery.ALL, windows));
        List<WindowValue> errors = store().metricWindows().values(ws,
                new MetricWindows(Metric.ERROR_RATE, InteractionQuery.ALL, windows));
        List<WindowValue> ratings = store().metricWindows().values(ws,
                new MetricWindows(Metric.SATISFACTION, InteractionQuery.ALL, windows));

        for (int i = 0; i < windows.size(); i++) {
            TimeWindow w = windows.get(i);
            List<Gen> inside = gens.stream().filter(g -> in(g, w)).toList();
            List<Double> rated = inside.stream().filter(g -> g.rating() != null).map(Gen::rating).toList();
            assertThat(counts.get(i).window()).isEqualTo(w);
            assertThat(counts.get(i).samples()).isEqualTo(inside.size());
            assertThat(counts.get(i).value()).isEqualTo((double) inside.size());
            assertThat(errors.get(i).samples()).isEqualTo(inside.size());
            assertThat(ratings.get(i).samples()).isEqualTo(rated.size());
            if (inside.isEmpty()) {
                assertThat(errors.get(i).value()).isNull();
            } else {
                double rate = inside.stream().filter(Gen::error).count() / (double) inside.size();
                assertThat(errors.get(i).value()).isCloseTo(rate, within(1e-12));
            }
            if (rated.isEmpty()) {
                assertThat(ratings.get(i).value()).isNull();
            } else {
                double mean = rated.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                assertThat(ratings.get(i).value()).isCloseTo(mean, within(1e-12));
            }
        }
        assertThat(counts.get(3).samples()).as("the window before any data").isZero();
        assertThat(counts.get(3).value()).isZero();
    }

    @Test
    public void theFilterSelectsInteractionsAndOtherWorkspacesNeverCount() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        List<Gen> gens = seed(ws, 7);
        seed(other, 8);
        List<TimeWindow> windows = windows();

        List<WindowValue> counts = store().metricWindows().values(ws, new MetricWindows(Metric.INTERACTIONS,
                InteractionQuery.builder().agentId("bot-a").build(), windows));
        for (int i = 0; i < windows.size(); i++) {
            TimeWindow w = windows.get(i);
            long expected = gens.stream().filter(g -> in(g, w) && g.agent().equals("bot-a")).count();
            assertThat(counts.get(i).samples()).isEqualTo(expected);
        }
        List<WindowValue> nothing = store().metricWindows().values(newWorkspace(),
                new MetricWindows(Metric.INTERACTIONS, InteractionQuery.ALL, windows));
        assertThat(nothing).allSatisfy(v -> assertThat(v.samples()).isZero());
    }

    static AlertRuleSpec thresholdSpec(String name) {
        return new AlertRuleSpec(name, Metric.ERROR_RATE, Map.of("agent_id", "bot-a", "tag", "vip"),
                Duration.ofHours(1), new Threshold(Op.GTE, 0.25), Severity.CRITICAL, true, List.of("hook_1"), 5);
    }

    @Test
    public void rulesRoundTripUpdateAndDelete() {
        WorkspaceId ws = newWorkspace();
        AlertRule threshold = store().alertRules().create(ws, thresholdSpec("errors"));
        AlertRuleSpec anomalySpec = new AlertRuleSpec("latency", Metric.LATENCY_P95, Map.of(), Duration.ofMinutes(30),
                new Anomaly(AnomalyDirection.UP, 3.5), Severity.WARNING, false, List.of(), 10);
        AlertRule anomaly = store().alertRules().create(ws, anomalySpec);

        assertThat(threshold.id()).startsWith("rule_");
        assertThat(store().alertRules().find(ws, threshold.id())).contains(threshold);
        assertThat(store().alertRules().list(ws)).containsExactly(threshold, anomaly);

        AlertRuleSpec changed = new AlertRuleSpec("errors v2", Metric.HANDOFF_RATE, Map.of(), Duration.ofDays(1),
                new Anomaly(AnomalyDirection.BOTH, 2.0), Severity.INFO, false, List.of("a", "b"), 0);
        AlertRule updated = store().alertRules().update(ws, threshold.id(), changed).orElseThrow();
        assertThat(updated.spec()).isEqualTo(changed);
        assertThat(updated.createdAt()).isEqualTo(threshold.createdAt());
        assertThat(store().alertRules().update(ws, "rule_missing", changed)).isEmpty();

        assertThat(store().alertRules().delete(ws, threshold.id())).isTrue();
        assertThat(store().alertRules().delete(ws, threshold.id())).isFalse();
        assertThat(store().alertRules().list(ws)).containsExactly(anomaly);
    }

    private static AlertSignal signal(String key, double value) {
        return new AlertSignal(key, "rule", "rule_x", "error rate high", Severity.CRITICAL, value,
                "{\"value\": " + value + "}");
    }

    @Test
    public void aSignalRaisedAgainIsOneAlertUntilItResolves() {
        WorkspaceId ws = newWorkspace();
        Instant t0 = Instant.parse("2026-11-05T10:00:00Z");
        Raised first = store().alerts().raise(ws, signal("rule:x", 0.4), t0);
        Raised second = store().alerts().raise(ws, signal("rule:x", 0.5), t0.plusSeconds(60));
        Raised third = store().alerts().raise(ws, signal("rule:x", 0.6), t0.plusSeconds(120));

        assertThat(first.opened()).isTrue();
        assertThat(second.opened()).isFalse();
        assertThat(third.opened()).isFalse();
        assertThat(third.alert().id()).isEqualTo(first.alert().id());
        Alert open = store().alerts().find(ws, first.alert().id()).orElseThrow();
        assertThat(open.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(open.occurrences()).isEqualTo(3);
        assertThat(open.value()).isEqualTo(0.6);
        assertThat(open.details()).contains("0.6");
        assertThat(open.startedAt()).isEqualTo(t0);
        assertThat(open.lastSeenAt()).isEqualTo(t0.plusSeconds(120));
        assertThat(store().alerts().findOpen(ws, "rule:x")).contains(open);

        Alert resolved = store().alerts().resolve(ws, "rule:x", 0.1, "{\"value\": 0.1}", t0.plusSeconds(180))
                .orElseThrow();
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.value()).isEqualTo(0.1);
        assertThat(resolved.details()).contains("0.1");
        assertThat(resolved.occurrences()).isEqualTo(3);
        assertThat(resolved.resolvedAt()).isEqualTo(t0.plusSeconds(180));
        assertThat(store().alerts().resolve(ws, "rule:x", t0.plusSeconds(190))).isEmpty();
        assertThat(store().alerts().findOpen(ws, "rule:x")).isEmpty();

        Raised again = store().alerts().raise(ws, signal("rule:x", 0.7), t0.plusSeconds(240));
        assertThat(again.opened()).isTrue();
        assertThat(again.alert().id()).isNotEqualTo(first.alert().id());
        assertThat(again.alert().occurrences()).isEqualTo(1);
    }

    /** Two servers evaluating the same rule at once: still one alert, opened exactly once. */
    @Test
    public void concurrentRaisesOfOneKeyAreOneAlert() throws Exception {
        WorkspaceId ws = newWorkspace();
        Instant t0 = Instant.parse("2026-11-05T10:00:00Z");
        int raisers = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Raised>> results = new ArrayList<>();
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(raisers)) {
            for (int i = 0; i < raisers; i++) {
                double value = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return store().alerts().raise(ws, signal("rule:race", value), t0);
                }));
            }
            start.countDown();
            long opened = 0;
            for (java.util.concurrent.Future<Raised> r : results) {
                opened += r.get().opened() ? 1 : 0;
            }
            assertThat(opened).isEqualTo(1);
        }
        List<Alert> alerts = store().alerts().list(ws, new AlertQuery(null, null, 1, 50)).items();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().occurrences()).isEqualTo(raisers);
    }

    @Test
    public void acknowledgingKeepsTheAlertOpenAndRaisingKeepsItAcknowledged() {
        WorkspaceId ws = newWorkspace();
        Instant t0 = Instant.parse("2026-11-05T10:00:00Z");
        Alert alert = store().alerts().raise(ws, signal("budget:b1:80", 81.0), t0).alert();

        Alert acked = store().alerts().acknowledge(ws, alert.id(), "key_ops", t0.plusSeconds(5)).orElseThrow();
        assertThat(acked.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo("key_ops");
        assertThat(acked.acknowledgedAt()).isEqualTo(t0.plusSeconds(5));

        Raised raised = store().alerts().raise(ws, signal("budget:b1:80", 85.0), t0.plusSeconds(10));
        assertThat(raised.opened()).isFalse();
        assertThat(raised.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        Alert resolved = store().alerts().resolve(ws, "budget:b1:80", t0.plusSeconds(20)).orElseThrow();
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.value()).as("kept: resolved without numbers").isEqualTo(85.0);
        assertThat(store().alerts().acknowledge(ws, "alert_missing", "x", t0)).isEmpty();
    }

    @Test
    public void alertsAreListedNewestFirstByStatusAndRuleInPages() {
        WorkspaceId ws = newWorkspace();
        Instant t0 = Instant.parse("2026-11-05T10:00:00Z");
        List<Alert> raised = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AlertSignal s = new AlertSignal("k" + i, "rule", i % 2 == 0 ? "rule_even" : "rule_odd", "t", Severity.INFO,
                    (double) i, null);
            raised.add(store().alerts().raise(ws, s, t0.plusSeconds(i)).alert());
        }
        store().alerts().resolve(ws, "k1", t0.plusSeconds(10));
        store().alerts().resolve(ws, "k2", t0.plusSeconds(10));

        AlertPage page1 = store().alerts().list(ws, new AlertQuery(null, null, 1, 2));
        AlertPage page3 = store().alerts().list(ws, new AlertQuery(null, null, 3, 2));
        assertThat(page1.items()).extracting(Alert::id).containsExactly(raised.get(4).id(), raised.get(3).id());
        assertThat(page1.hasMore()).isTrue();
        assertThat(page3.items()).extracting(Alert::id).containsExactly(raised.get(0).id());
        assertThat(page3.hasMore()).isFalse();
        assertThat(store().alerts().list(ws, new AlertQuery(AlertStatus.RESOLVED, null, 1, 50)).items())
                .extracting(Alert::id).containsExactly(raised.get(2).id(), raised.get(1).id());
        assertThat(store().alerts().list(ws, new AlertQuery(AlertStatus.FIRING, "rule_even", 1, 50)).items())
                .extracting(Alert::id).containsExactly(raised.get(4).id(), raised.get(0).id());
    }

    @Test
    public void webhooksAndDeliveriesRoundTrip() {
        WorkspaceId ws = newWorkspace();
        Webhook hook = store().webhooks().create(ws, "https://example.com/h", "s3cret", Webhook.Format.SLACK);
        assertThat(store().webhooks().find(ws, hook.id())).contains(hook);
        assertThat(store().webhooks().list(ws)).containsExactly(hook);

        Instant t0 = Instant.parse("2026-11-05T10:00:00Z");
        WebhookDelivery d1 = store().webhooks().addDelivery(ws, hook.id(), "alert_1", "fired", t0);
        WebhookDelivery d2 = store().webhooks().addDelivery(ws, hook.id(), "alert_1", "resolved", t0.plusSeconds(1));
        store().webhooks().recordAttempt(ws, d1.id(), WebhookDelivery.Status.PENDING, 1, 503, "HTTP 503",
                t0.plusSeconds(2));
        store().webhooks().recordAttempt(ws, d1.id(), WebhookDelivery.Status.DELIVERED, 2, 200, null,
                t0.plusSeconds(3));

        List<WebhookDelivery> listed = store().webhooks().deliveries(ws, hook.id(), 10);
        assertThat(listed).extracting(WebhookDelivery::id).containsExactly(d2.id(), d1.id());
        WebhookDelivery done = listed.get(1);
        assertThat(done.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.lastStatusCode()).isEqualTo(200);
        assertThat(done.lastError()).isNull();
        assertThat(done.lastAttemptAt()).isEqualTo(t0.plusSeconds(3));
        assertThat(listed.get(0).status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(listed.get(0).attempts()).isZero();
        assertThat(store().webhooks().deliveries(ws, hook.id(), 1)).hasSize(1);

        assertThat(store().webhooks().delete(ws, hook.id())).isTrue();
        assertThat(store().webhooks().find(ws, hook.id())).isEmpty();
        assertThat(store().webhooks().delete(ws, hook.id())).isFalse();
    }

    @Test
    public void anotherWorkspaceSeesNoRuleAlertOrWebhook() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        Instant t0 = Instant.parse("2026-11-05T10:00:00Z");
        AlertRule rule = store().alertRules().create(ws, thresholdSpec("mine"));
        Alert alert = store().alerts().raise(ws, signal("rule:" + rule.id(), 1.0), t0).alert();
        Webhook hook = store().webhooks().create(ws, "http://localhost/h", "s", Webhook.Format.JSON);
        WebhookDelivery delivery = store().webhooks().addDelivery(ws, hook.id(), alert.id(), "fired", t0);

        assertThat(store().alertRules().find(other, rule.id())).isEmpty();
        assertThat(store().alertRules().list(other)).isEmpty();
        assertThat(store().alertRules().update(other, rule.id(), thresholdSpec("theirs"))).isEmpty();
        assertThat(store().alertRules().delete(other, rule.id())).isFalse();
        assertThat(store().alerts().find(other, alert.id())).isEmpty();
        assertThat(store().alerts().findOpen(other, "rule:" + rule.id())).isEmpty();
        assertThat(store().alerts().list(other, new AlertQuery(null, null, 1, 50)).items()).isEmpty();
        assertThat(store().alerts().acknowledge(other, alert.id(), "x", t0)).isEmpty();
        assertThat(store().alerts().resolve(other, "rule:" + rule.id(), t0)).isEmpty();
        // the same key in another workspace is another alert
        assertThat(store().alerts().raise(other, signal("rule:" + rule.id(), 2.0), t0).opened()).isTrue();
        assertThat(store().webhooks().find(other, hook.id())).isEmpty();
        assertThat(store().webhooks().list(other)).isEmpty();
        assertThat(store().webhooks().delete(other, hook.id())).isFalse();
        assertThat(store().webhooks().deliveries(other, hook.id(), 10)).isEmpty();
        store().webhooks().recordAttempt(other, delivery.id(), WebhookDelivery.Status.FAILED, 9, 500, "x", t0);

        assertThat(store().alerts().find(ws, alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.FIRING);
        assertThat(store().alertRules().find(ws, rule.id())).contains(rule);
        assertThat(store().webhooks().deliveries(ws, hook.id(), 10).getFirst().attempts()).isZero();
    }
}
