package dev.sextant.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.CostSource;
import dev.sextant.model.ModelPrice;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CatalogCostAccountantTest {

    private static final WorkspaceId WS = WorkspaceId.of("ws-costs");
    private static final WorkspaceId OTHER = WorkspaceId.of("ws-other");
    private static final Instant NOV_2026 = Instant.parse("2026-11-01T10:00:00Z");

    private final InMemoryPriceStore store = new InMemoryPriceStore();
    private final CatalogCostAccountant accountant = new CatalogCostAccountant(PriceCatalog.shipped(), store,
            Duration.ofHours(1), Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void llmSpanWithUsageIsCalculated() {
        // 1,000 × 0.075 + 500 × 0.30 = 225 → $0.000225
        Span priced = accountant.account(WS, Spans.llm("s-1", "gemini-1.5-flash", Usage.of(1_000, 500), NOV_2026));
        assertThat(priced.costUsd()).isEqualByComparingTo("0.000225");
        assertThat(priced.costSource()).isEqualTo(CostSource.CALCULATED);
        assertThat(priced.usage()).isEqualTo(Usage.of(1_000, 500));
    }

    @Test
    void reportedCostIsKeptEvenWithUsage() {
        Span span = Spans.span("s-2", SpanKind.LLM, "gemini-1.5-flash", Usage.of(1_000, 500), new BigDecimal("0.42"),
                null, NOV_2026, null, null);
        Span priced = accountant.account(WS, span);
        assertThat(priced.costUsd()).isEqualByComparingTo("0.42");
        assertThat(priced.costSource()).isEqualTo(CostSource.REPORTED);
    }

    @Test
    void unknownModelGetsNoCost() {
        Span priced = accountant.account(WS, Spans.llm("s-3", "my-local-llama", Usage.of(1_000, 500), NOV_2026));
        assertThat(priced.costUsd()).isNull();
        assertThat(priced.costSource()).isNull();
        assertThat(priced.usage()).isEqualTo(Usage.of(1_000, 500));
    }

    @Test
    void missingUsageIsEstimatedFromText() {
        Span span = Spans.span("s-4", SpanKind.LLM, "gpt-4o-mini", null, null, null, NOV_2026,
                "Hello world", "Hello world");
        Span priced = accountant.account(WS, span);
        // o200k_base: "Hello world" = 2 tokens each way; 2 × 0.15 + 2 × 0.60 = 1.5 → $0.0000015
        assertThat(priced.usage()).isEqualTo(new Usage(2, 2, 0, 0, 0, true));
        assertThat(priced.costUsd()).isEqualByComparingTo("0.0000015");
        assertThat(priced.costSource()).isEqualTo(CostSource.ESTIMATED);
    }

    @Test
    void estimatedUsageOfAnUnknownModelHasNoCost() {
        Span span = Spans.span("s-5", SpanKind.LLM, "my-local-llama", null, null, null, NOV_2026, "Hello world", null);
        Span priced = accountant.account(WS, span);
        assertThat(priced.usage().estimated()).isTrue();
        assertThat(priced.costUsd()).isNull();
        assertThat(priced.costSource()).isNull();
    }

    @Test
    void nonLlmSpansAreReturnedAsTheyAre() {
        Span agent = Spans.span("s-6", SpanKind.AGENT, "gemini-1.5-flash", Usage.of(1_000, 500), null, null,
                NOV_2026, null, null);
        assertThat(accountant.account(WS, agent)).isSameAs(agent);
        Span noModel = Spans.llm("s-7", null, Usage.of(1, 1), NOV_2026);
        assertThat(accountant.account(WS, noModel)).isSameAs(noModel);
    }

    @Test
    void theDayIsTheStartThenTheEndThenToday() {
        assertThat(accountant.dayOf(Instant.parse("2024-09-30T23:59:59Z"), Instant.parse("2024-10-01T00:00:01Z")))
                .isEqualTo(LocalDate.parse("2024-09-30"));
        assertThat(accountant.dayOf(null, Instant.parse("2024-10-01T00:00:01Z"))).isEqualTo(LocalDate.parse("2024-10-01"));
        assertThat(accountant.dayOf(null, null)).isEqualTo(LocalDate.parse("2026-11-22"));
        // a Pro call that started just before the cut pays the old price: 1,000 × 3.50 → $0.0035
        Span pro = Spans.llm("s-8", "gemini-1.5-pro", Usage.of(1_000, 0), Instant.parse("2024-09-30T23:59:59Z"));
        assertThat(accountant.account(WS, pro).costUsd()).isEqualByComparingTo("0.0035");
    }

    @Test
    void workspaceOverrideBeatsTheCatalogOnlyInItsWorkspace() {
        store.add(WS, new ModelPrice("negotiated-flash", "google", "gemini-1\\.5-flash", LocalDate.parse("2024-01-01"),
                null, 0, new BigDecimal("0.05"), new BigDecimal("0.20"), null, null, null));
        Span span = Spans.llm("s-9", "gemini-1.5-flash", Usage.of(1_000, 500), NOV_2026);
        // 1,000 × 0.05 + 500 × 0.20 = 50 + 100 = 150 → $0.00015
        assertThat(accountant.account(WS, span).costUsd()).isEqualByComparingTo("0.00015");
        // the other workspace still pays list price: $0.000225
        assertThat(accountant.account(OTHER, span).costUsd()).isEqualByComparingTo("0.000225");
    }

    @Test
    void overridesAreCachedUntilInvalidated() {
        Span span = Spans.llm("s-10", "my-local-llama", Usage.of(1_000_000, 0), NOV_2026);
        assertThat(accountant.account(WS, span).costUsd()).isNull();
        store.add(WS, new ModelPrice("llama", "self-hosted", "my-local-llama", LocalDate.parse("2024-01-01"),
                null, 0, new BigDecimal("0.01"), new BigDecimal("0.01"), null, null, null));
        assertThat(accountant.account(WS, span).costUsd()).as("still cached").isNull();
        int calls = store.listCalls.get();
        accountant.invalidate(WS);
        // 1,000,000 × 0.01 → $0.01
        assertThat(accountant.account(WS, span).costUsd()).isEqualByComparingTo("0.01");
        assertThat(store.listCalls.get()).isEqualTo(calls + 1);
    }

    @Test
    void anOverrideWithABrokenPatternIsIgnored() {
        store.add(WS, new ModelPrice("broken", "x", "(gemini", LocalDate.parse("2024-01-01"), null, 0,
                BigDecimal.ONE, BigDecimal.ONE, null, null, null));
        Span span = Spans.llm("s-11", "gemini-1.5-flash", Usage.of(1_000, 500), NOV_2026);
        assertThat(accountant.account(WS, span).costUsd()).isEqualByComparingTo("0.000225");
    }

    @Test
    void estimatedUsageSentByTheClientKeepsSourceEstimated() {
        Span span = Spans.llm("s-12", "gemini-1.5-flash", new Usage(1_000, 500, 0, 0, 0, true), NOV_2026);
        assertThat(accountant.account(WS, span).costSource()).isEqualTo(CostSource.ESTIMATED);
    }
}
