package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.batch;
import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.CostSource;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CostStore.CostUpdate;
import dev.sextant.store.CostStore.PricedSpan;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the spans we priced and writing recalculated costs back. */
public abstract class CostContract extends StoreContract {

    private WorkspaceId pricedSpans() {
        WorkspaceId ws = newWorkspace();
        Span reported = Fixtures.withUsage(llm("s-reported", "t-1", at(10), "gpt-4o", Usage.of(1, 1), null),
                Usage.of(1, 1), "7", CostSource.REPORTED);
        Span estimated = Fixtures.withUsage(llm("s-estimated", "t-1", at(20), "gpt-4o", null, null),
                new Usage(5, 5, 0, 0, 0, true), "0.5", CostSource.ESTIMATED);
        Span unpriced = llm("s-unpriced", "t-1", at(30), "new-model", Usage.of(3, 3), null);
        Span noModel = Fixtures.withUsage(Fixtures.span("s-agent", "t-1", SpanKind.AGENT, at(40)),
                Usage.of(9, 9), "0.1", CostSource.CALCULATED);
        write(batch(ws, List.of(trace("t-1", at(0)), trace("t-2", at(0))), List.of(
                llm("s-a", "t-1", at(50), "gpt-4o", Usage.of(100, 10), "0.25"), reported, estimated, unpriced, noModel,
                llm("s-b", "t-2", at(60), "gpt-4o", Usage.of(200, 20), "0.5"),
                llm("s-late", "t-2", at(5000), "gpt-4o", Usage.of(1, 1), "0.01"))));
        return ws;
    }

    @Test
    public void pricedSpansAreTheComputedOnesInTheWindowById() {
        WorkspaceId ws = pricedSpans();
        List<PricedSpan> spans = store().costs().pricedSpans(ws, at(0), at(1000), null, 100);
        assertThat(spans).extracting(PricedSpan::id).containsExactly("s-a", "s-b", "s-estimated", "s-unpriced");
        PricedSpan a = spans.getFirst();
        assertThat(a.traceId()).isEqualTo("t-1");
        assertThat(a.model()).isEqualTo("gpt-4o");
        assertThat(a.usage()).isEqualTo(Usage.of(100, 10));
        assertThat(a.startedAt()).isEqualTo(at(50));
        assertThat(a.costSource()).isEqualTo(CostSource.CALCULATED);
        assertThat(a.costUsd()).isEqualByComparingTo("0.25");
        assertThat(spans.get(2).usage().estimated()).isTrue();
        assertThat(spans.get(3).costSource()).isNull();
        assertThat(spans.get(3).costUsd()).isNull();
    }

    @Test
    public void pricedSpansPageByIdAndLimit() {
        WorkspaceId ws = pricedSpans();
        assertThat(store().costs().pricedSpans(ws, at(0), at(1000), null, 2))
                .extracting(PricedSpan::id).containsExactly("s-a", "s-b");
        assertThat(store().costs().pricedSpans(ws, at(0), at(1000), "s-b", 2))
                .extracting(PricedSpan::id).containsExactly("s-estimated", "s-unpriced");
        assertThat(store().costs().pricedSpans(ws, at(0), at(1000), "s-unpriced", 2)).isEmpty();
    }

    @Test
    public void updatedCostsReachTheSpansAndTheirTracesRollups() {
        WorkspaceId ws = pricedSpans();
        store().costs().updateCosts(ws, List.of(
                new CostUpdate("s-a", "t-1", new BigDecimal("1.5"), CostSource.CALCULATED),
                new CostUpdate("s-unpriced", "t-1", new BigDecimal("0.25"), CostSource.CALCULATED),
                new CostUpdate("s-b", "t-2", new BigDecimal("2"), CostSource.CALCULATED),
                new CostUpdate("s-reported", "t-1", new BigDecimal("100"), CostSource.CALCULATED)));

        var t1 = store().interactions().get(ws, "t-1").orElseThrow();
        assertThat(t1.spans()).filteredOn(s -> s.id().equals("s-a")).singleElement()
                .satisfies(s -> assertThat(s.costUsd()).isEqualByComparingTo("1.5"));
        assertThat(t1.spans()).filteredOn(s -> s.id().equals("s-reported")).singleElement()
                .satisfies(s -> {
                    assertThat(s.costUsd()).isEqualByComparingTo("7"); // reported costs are never replaced
                    assertThat(s.costSource()).isEqualTo(CostSource.REPORTED);
                });
        // LLM spans of t-1: s-a 1.5 + reported 7 + estimated 0.5 + unpriced 0.25
        assertThat(t1.summary().rollup().costUsd()).isEqualByComparingTo("9.25");
        assertThat(store().interactions().get(ws, "t-2").orElseThrow().summary().rollup().costUsd())
                .isEqualByComparingTo("2.01");
    }
}
