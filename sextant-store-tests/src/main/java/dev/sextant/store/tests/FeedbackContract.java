package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.Score;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.FeedbackComment;
import dev.sextant.store.FeedbackQuery;
import dev.sextant.store.FeedbackQuery.GroupBy;
import dev.sextant.store.FeedbackSummary;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.TrendQuery.Interval;
import dev.sextant.store.WorkspaceBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Feedback scores against figures this test computes itself from seeded random interactions over
 * four days (day 2 left without scores), with ratings, categorical verdicts and thumbs.
 */
public abstract class FeedbackContract extends StoreContract {
    private static final Instant D0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final int DAYS = 4;
    private static final int UNSCORED_DAY = 2;
    private static final List<String> COMMENTS = List.of("fast and helpful", "had to repeat myself", "   ", "");

    /** One generated interaction with the scores it got, the source of every expected figure. */
    private record Gen(String id, Instant start, String agent, String messageType, List<String> tags, String tier,
            Double rating, String comment, Instant ratedAt, String verdict, Double thumbs) {
        int day() {
            return (int) Duration.between(D0, start).toDays();
        }
    }

    private final List<Gen> generated = new ArrayList<>();

    private WorkspaceId seeded(long seed) {
        WorkspaceId ws = newWorkspace();
        generated.clear();
        Random r = new Random(seed);
        List<Trace> traces = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int day = r.nextInt(DAYS);
            Instant start = D0.plus(Duration.ofDays(day)).plusSeconds(r.nextInt(86_400));
            boolean scored = day != UNSCORED_DAY;
            Gen g = new Gen("tr-" + i, start, List.of("alpha", "beta").get(r.nextInt(2)),
                    r.nextInt(5) == 0 ? null : List.of("text", "voice").get(r.nextInt(2)),
                    List.of(List.<String>of(), List.of("vip"), List.of("eu", "vip"), List.of("vip", "vip"))
                            .get(r.nextInt(4)),
                    r.nextInt(4) == 0 ? null : List.of("plus", "standard").get(r.nextInt(2)),
                    scored && r.nextInt(3) > 0 ? (double) (1 + r.nextInt(5)) : null,
                    COMMENTS.get(r.nextInt(COMMENTS.size())), start.plusSeconds(60 + i),
                    scored && r.nextInt(4) == 0 ? List.of("good", "bad").get(r.nextInt(2)) : null,
                    scored && r.nextInt(3) == 0 ? List.of(1.0, 0.0, 0.5).get(r.nextInt(3)) : null);
            generated.add(g);
            String metadata = g.tier() == null ? "{\"other\": 1}" : "{\"tier\": \"" + g.tier() + "\"}";
            traces.add(new Trace(g.id(), g.agent(), null, null, null, null, null, null, Status.OK, null, start,
                    start.plusMillis(500), g.messageType(), null, null, null, null, null, null, null, g.tags(),
                    metadata));
            if (g.rating() != null) {
                scores.add(new Score("sr-" + i, g.id(), null, "user_rating", g.rating(), null, g.comment(), "user",
                        null, g.ratedAt()));
            }
            if (g.verdict() != null) {
                scores.add(new Score("sv-" + i, g.id(), null, "user_rating", null, g.verdict(), null, "user", null,
                        g.ratedAt()));
            }
            if (g.thumbs() != null) {
                scores.add(new Score("st-" + i, g.id(), null, "thumbs", g.thumbs(), null, null, "user", null,
                        g.ratedAt()));
            }
        }
        // a rating on an interaction outside the range, and one of another name: neither counts
        traces.add(new Trace("early", "alpha", null, null, null, null, null, null, Status.OK, null,
                D0.minusSeconds(10), D0, "text", null, null, null, null, null, null, null, null, null));
        scores.add(new Score("s-early", "early", null, "user_rating", 1.0, null, "had to repeat myself", "user",
                null, D0));
        scores.add(new Score("s-other", "tr-0", null, "quality", 9.0, null, "other name", "eval", null, D0));
        write(new WorkspaceBatch(ws, traces, List.of(), scores, List.of()));
        return ws;
    }

    private static FeedbackQuery daily(String name, GroupBy groupBy, String metadataKey) {
        return new FeedbackQuery(name, Interval.DAY, groupBy, metadataKey,
                InteractionQuery.builder().from(D0).to(D0.plus(Duration.ofDays(DAYS))).build());
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private List<Double> ratings(Predicate<Gen> only) {
        return generated.stream().filter(only).map(Gen::rating).filter(Objects::nonNull).toList();
    }

    private long verdicts(Predicate<Gen> only) {
        return generated.stream().filter(only).filter(g -> g.verdict() != null).count();
    }

    @Test
    public void totalsAndDistributionMatchTheGeneratedScores() {
        WorkspaceId ws = seeded(5);
        FeedbackSummary s = store().feedback().summary(ws, daily("user_rating", null, null));

        List<Double> ratings = ratings(g -> true);
        assertThat(s.count()).isEqualTo(ratings.size() + verdicts(g -> true));
        assertThat(s.numericCount()).isEqualTo(ratings.size());
        assertThat(s.mean()).isCloseTo(mean(ratings), within(1e-9));

        List<FeedbackSummary.ValueCount> expected = new ArrayList<>();
        new TreeMap<>(ratings.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .forEach((v, n) -> expected.add(new FeedbackSummary.ValueCount(v, null, n)));
        new TreeMap<>(generated.stream().map(Gen::verdict).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .forEach((c, n) -> expected.add(new FeedbackSummary.ValueCount(null, c, n)));
        assertThat(s.distribution()).containsExactlyElementsOf(expected);
        assertThat(s.groups()).isEmpty();
        assertThat(s.dataAsOf()).isEqualTo(generated.stream()
                .filter(g -> g.rating() != null || g.verdict() != null).map(Gen::start)
                .max(Comparator.naturalOrder()).orElseThrow());
    }

    @Test
    public void everyDayIsABucketAndTheUnscoredDayHasNoInventedMean() {
        WorkspaceId ws = seeded(7);
        FeedbackSummary s = store().feedback().summary(ws, daily("user_rating", null, null));

        assertThat(s.buckets()).hasSize(DAYS);
        for (int day = 0; day < DAYS; day++) {
            int d = day;
            FeedbackSummary.Bucket b = s.buckets().get(day);
            List<Double> ratings = ratings(g -> g.day() == d);
            assertThat(b.start()).isEqualTo(D0.plus(Duration.ofDays(day)));
            assertThat(b.count()).as("day %d", day).isEqualTo(ratings.size() + verdicts(g -> g.day() == d));
            if (ratings.isEmpty()) {
                assertThat(b.mean()).as("day %d", day).isNull();
            } else {
                assertThat(b.mean()).as("day %d", day).isCloseTo(mean(ratings), within(1e-9));
            }
        }
        assertThat(s.buckets().get(UNSCORED_DAY)).isEqualTo(
                new FeedbackSummary.Bucket(D0.plus(Duration.ofDays(UNSCORED_DAY)), 0, null));
    }

    private void assertGroups(List<FeedbackSummary.Group> actual, Map<String, Predicate<Gen>> expectedKeys) {
        List<FeedbackSummary.Group> expected = new ArrayList<>();
        expectedKeys.forEach((key, only) -> {
            List<Double> ratings = ratings(only);
            long n = ratings.size() + verdicts(only);
            if (n > 0) {
                List<FeedbackSummary.Bucket> buckets = new ArrayList<>();
                for (int day = 0; day < DAYS; day++) {
                    int d = day;
                    Predicate<Gen> onDay = only.and(g -> g.day() == d);
                    buckets.add(new FeedbackSummary.Bucket(D0.plus(Duration.ofDays(day)),
                            ratings(onDay).size() + verdicts(onDay), mean(ratings(onDay))));
                }
                expected.add(new FeedbackSummary.Group(key, n, ratings.size(), mean(ratings), buckets));
            }
        });
        expected.sort(Comparator.comparingLong((FeedbackSummary.Group g) -> -g.count())
                .thenComparing(FeedbackSummary.Group::key));
        assertThat(actual).extracting(FeedbackSummary.Group::key)
                .containsExactlyElementsOf(expected.stream().map(FeedbackSummary.Group::key).toList());
        for (int i = 0; i < expected.size(); i++) {
            FeedbackSummary.Group a = actual.get(i);
            FeedbackSummary.Group e = expected.get(i);
            assertThat(a.count()).as(e.key()).isEqualTo(e.count());
            assertThat(a.numericCount()).as(e.key()).isEqualTo(e.numericCount());
            assertThat(a.mean()).as(e.key()).isCloseTo(e.mean(), within(1e-9));
            assertThat(a.buckets()).as(e.key()).hasSameSizeAs(e.buckets());
            for (int day = 0; day < DAYS; day++) {
                FeedbackSummary.Bucket ab = a.buckets().get(day);
                FeedbackSummary.Bucket eb = e.buckets().get(day);
                assertThat(ab.start()).isEqualTo(eb.start());
                assertThat(ab.count()).as("%s day %d", e.key(), day).isEqualTo(eb.count());
                if (eb.mean() == null) {
                    assertThat(ab.mean()).as("%s day %d", e.key(), day).isNull();
                } else {
                    assertThat(ab.mean()).as("%s day %d", e.key(), day).isCloseTo(eb.mean(), within(1e-9));
                }
            }
        }
    }

    @Test
    public void groupsByAgentTagMessageTypeAndMetadataKey() {
        WorkspaceId ws = seeded(11);
        assertGroups(store().feedback().summary(ws, daily("user_rating", GroupBy.AGENT, null)).groups(),
                Map.of("alpha", g -> g.agent().equals("alpha"), "beta", g -> g.agent().equals("beta")));
        // a tag given twice on one interaction counts once
        assertGroups(store().feedback().summary(ws, daily("user_rating", GroupBy.TAG, null)).groups(),
                Map.of("vip", g -> g.tags().contains("vip"), "eu", g -> g.tags().contains("eu")));
        assertGroups(store().feedback().summary(ws, daily("user_rating", GroupBy.MESSAGE_TYPE, null)).groups(),
                Map.of("text", g -> "text".equals(g.messageType()), "voice", g -> "voice".equals(g.messageType())));
        assertGroups(store().feedback().summary(ws, daily("user_rating", GroupBy.METADATA, "tier")).groups(),
                Map.of("plus", g -> "plus".equals(g.tier()), "standard", g -> "standard".equals(g.tier())));
        assertThat(store().feedback().summary(ws, daily("user_rating", GroupBy.METADATA, "missing")).groups())
                .isEmpty();
    }

    @Test
    public void thumbsCountOnlyOneAndZero() {
        WorkspaceId ws = seeded(13);
        FeedbackSummary s = store().feedback().summary(ws, daily("user_rating", null, null));

        long up = generated.stream().filter(g -> Objects.equals(g.thumbs(), 1.0)).count();
        long down = generated.stream().filter(g -> Objects.equals(g.thumbs(), 0.0)).count();
        assertThat(up).isPositive();
        assertThat(down).isPositive();
        assertThat(s.thumbs()).isEqualTo(new FeedbackSummary.Thumbs(up, down));
        assertThat(s.thumbs().upRatio()).isCloseTo(up / (double) (up + down), within(1e-12));
        // the thumbs themselves as the score: 0.5 is a value of its own in the distribution
        FeedbackSummary thumbs = store().feedback().summary(ws, daily("thumbs", null, null));
        assertThat(thumbs.count()).isEqualTo(generated.stream().filter(g -> g.thumbs() != null).count());
    }

    @Test
    public void commentsAreTheNewestNonBlankOnesFirst() {
        WorkspaceId ws = seeded(17);
        List<Gen> commented = generated.stream()
                .filter(g -> g.rating() != null && !g.comment().isBlank())
                .sorted(Comparator.comparing(Gen::ratedAt).reversed()).toList();
        List<FeedbackComment> all = store().feedback().comments(ws, daily("user_rating", null, null), 1000);
        assertThat(all).extracting(FeedbackComment::traceId)
                .containsExactlyElementsOf(commented.stream().map(Gen::id).toList());
        assertThat(all).extracting(FeedbackComment::value)
                .containsExactlyElementsOf(commented.stream().map(Gen::rating).toList());
        assertThat(all.getFirst().createdAt()).isEqualTo(commented.getFirst().ratedAt());
        assertThat(store().feedback().comments(ws, daily("user_rating", null, null), 3)).hasSize(3)
                .isEqualTo(all.subList(0, 3));
        assertThatThrownBy(() -> store().feedback().comments(ws, daily("user_rating", null, null), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    public void theListFiltersApply() {
        WorkspaceId ws = seeded(19);
        FeedbackQuery beta = new FeedbackQuery("user_rating", Interval.DAY, null, null, InteractionQuery.builder()
                .from(D0).to(D0.plus(Duration.ofDays(DAYS))).agentId("beta").build());
        FeedbackSummary s = store().feedback().summary(ws, beta);
        assertThat(s.numericCount()).isEqualTo(ratings(g -> g.agent().equals("beta")).size());
        assertThat(s.mean()).isCloseTo(mean(ratings(g -> g.agent().equals("beta"))), within(1e-9));
    }

    @Test
    public void anotherWorkspaceSeesNoneOfIt() {
        WorkspaceId mine = seeded(23);
        long mineCount = ratings(g -> true).size() + verdicts(g -> true);
        seeded(29);
        assertThat(store().feedback().summary(mine, daily("user_rating", GroupBy.AGENT, null)).count())
                .isEqualTo(mineCount);
        WorkspaceId empty = newWorkspace();
        FeedbackSummary none = store().feedback().summary(empty, daily("user_rating", GroupBy.TAG, null));
        assertThat(none.count()).isZero();
        assertThat(none.mean()).isNull();
        assertThat(none.distribution()).isEmpty();
        assertThat(none.groups()).isEmpty();
        assertThat(none.thumbs()).isEqualTo(new FeedbackSummary.Thumbs(0, 0));
        assertThat(none.thumbs().upRatio()).isNull();
        assertThat(none.dataAsOf()).isNull();
        assertThat(none.buckets()).hasSize(DAYS).allSatisfy(b -> assertThat(b.count()).isZero());
        assertThat(store().feedback().comments(empty, daily("user_rating", null, null), 10)).isEmpty();
    }

    @Test
    public void aQueryIsCheckedWhereItIsBuilt() {
        assertThatThrownBy(() -> new FeedbackQuery("user_rating", Interval.DAY, null, null, InteractionQuery.ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from and to");
        assertThatThrownBy(() -> daily("user rating'; --", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score");
        assertThatThrownBy(() -> daily("user_rating", GroupBy.METADATA, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
        assertThatThrownBy(() -> daily("user_rating", GroupBy.METADATA, "a'b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata key");
    }
}
