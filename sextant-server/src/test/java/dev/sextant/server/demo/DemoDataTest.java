package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.server.demo.DemoItems.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoDataTest {
    private final DemoItems demo = DemoItems.standard();

    @Test
    void sameSeedAndTimeGiveTheSameBodies() {
        assertThat(DemoData.batches(DemoItems.NOW, DemoItems.SEED)).isEqualTo(demo.bodies());
    }

    @Test
    void anotherSeedGivesOtherData() {
        assertThat(DemoData.batches(DemoItems.NOW, 7).getFirst()).isNotEqualTo(demo.bodies().getFirst());
    }

    @ParameterizedTest
    @CsvSource({"2027-03-01T00:00:00Z, 1", "2026-06-15T23:59:59.999999999Z, -5"})
    void anyNowAndSeedGiveWellFormedDataInsideItsWindow(String now, long seed) {
        Instant end = Instant.parse(now);
        DemoItems other = DemoItems.parse(DemoData.batches(end, seed));
        assertThat(other.batches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(DemoData.MAX_ITEMS_PER_BATCH));
        assertThat(other.all().map(Item::id).distinct().count()).isEqualTo(other.all().count());
        assertThat(other.all().flatMap(i -> List.of("started_at", "ended_at", "created_at").stream()
                .map(i::time).filter(t -> t != null)))
                .allSatisfy(t -> assertThat(t).isBetween(end.minus(Duration.ofDays(28)), end));
        assertThat(other.all().filter(i -> i.time("ended_at") != null))
                .allSatisfy(i -> assertThat(i.time("ended_at")).isAfterOrEqualTo(i.time("started_at")));
    }

    @Test
    void nowIsRequired() {
        assertThatThrownBy(() -> DemoData.batches(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("now must not be null");
    }

    @Test
    void everyBodyIsABatchOfAtMostFiveThousandItems() {
        assertThat(demo.batches()).hasSizeGreaterThan(1)
                .allSatisfy(batch -> assertThat(batch).isNotEmpty().hasSizeLessThanOrEqualTo(DemoData.MAX_ITEMS_PER_BATCH));
        assertThat(demo.all().map(Item::type).distinct()).containsExactlyInAnyOrder("trace", "span", "score", "session");
    }

    @Test
    void theWholeDemoLoadsInSecondsSoItStaysUnderFortyThousandItems() {
        assertThat(demo.all().count()).isBetween(15_000L, 40_000L);
    }

    @Test
    void idsAreUniqueAcrossAllBatches() {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = demo.all().map(Item::id).filter(id -> !seen.add(id)).toList();
        assertThat(duplicates).isEmpty();
        assertThat(seen).allSatisfy(id -> assertThat(id).startsWith("demo-").hasSizeLessThanOrEqualTo(64));
    }

    @Test
    void everythingHappensInTheTwentyEightDaysBeforeNow() {
        Instant from = DemoItems.NOW.minus(Duration.ofDays(28));
        assertThat(demo.all().flatMap(i -> List.of("started_at", "ended_at", "created_at").stream()
                .map(i::time).filter(t -> t != null)))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).isBetween(from, DemoItems.NOW));
    }

    @Test
    void nothingEndsBeforeItStartsAndEveryTraceAndSpanHasBoth() {
        assertThat(demo.all().filter(i -> !i.type().equals("score"))).allSatisfy(i -> {
            assertThat(i.time("started_at")).as(i.id()).isNotNull();
            assertThat(i.time("ended_at")).as(i.id()).isNotNull().isAfterOrEqualTo(i.time("started_at"));
        });
    }

    @Test
    void spansLieInsideTheirParentAndTheirTrace() {
        var byId = demo.all().filter(i -> !i.type().equals("score"))
                .collect(Collectors.toMap(Item::id, i -> i));
        assertThat(demo.ofType("span")).allSatisfy(span -> {
            Item trace = byId.get(span.text("trace_id"));
            assertThat(trace).as("trace of %s", span.id()).isNotNull();
            assertThat(trace.batch()).as("%s travels with its trace", span.id()).isEqualTo(span.batch());
            for (Item outer : parentAndTrace(span, byId)) {
                assertThat(span.time("started_at")).as(span.id()).isAfterOrEqualTo(outer.time("started_at"));
                assertThat(span.time("ended_at")).as(span.id()).isBeforeOrEqualTo(outer.time("ended_at"));
            }
        });
    }

    private static List<Item> parentAndTrace(Item span, java.util.Map<String, Item> byId) {
        String parentId = span.text("parent_id");
        Item trace = byId.get(span.text("trace_id"));
        return parentId == null ? List.of(trace) : List.of(trace, byId.get(parentId));
    }

    @Test
    void scoresAndSessionsReferToWhatIsThere() {
        Set<String> traces = demo.ofType("trace").map(Item::id).collect(Collectors.toSet());
        Set<String> sessions = demo.ofType("session").map(Item::id).collect(Collectors.toSet());
        assertThat(demo.ofType("score")).allSatisfy(s -> {
            assertThat(traces).contains(s.text("trace_id"));
            assertThat(s.body().get("value").isNumber()).as(s.id()).isTrue();
            assertThat(s.text("source")).isIn("user", "api", "eval", "auto");
        });
        assertThat(demo.ofType("trace").map(t -> t.text("session_id")).filter(id -> id != null))
                .isNotEmpty().allSatisfy(id -> assertThat(sessions).contains(id));
    }

    @Test
    void kindsStatusesAndUsageFollowTheWireRules() {
        assertThat(demo.ofType("span")).allSatisfy(span -> {
            assertThat(SpanKind.fromWire(span.text("kind"))).as(span.id()).isPresent();
            assertThat(Status.fromWire(span.text("status"))).as(span.id()).isPresent();
            var usage = span.body().get("usage");
            if (usage != null) {
                // the model's own Usage record refuses cache tokens above input, reasoning above output
                new dev.sextant.model.Usage(usage.get("input_tokens").asLong(), usage.get("output_tokens").asLong(),
                        usage.path("cache_read_tokens").asLong(0), usage.path("cache_write_tokens").asLong(0),
                        usage.path("reasoning_tokens").asLong(0), false);
                assertThat(span.text("kind")).isEqualTo("llm");
                assertThat(span.text("model")).isNotBlank();
            }
        });
        assertThat(demo.ofType("trace")).allSatisfy(t -> assertThat(t.text("status")).isIn("ok", "error"));
    }
}
