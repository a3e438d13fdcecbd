package dev.sextant.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.CostSource;
import dev.sextant.model.ModelPrice;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.jdbc.JdbcStores;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recalculator and workspace overrides against the real DuckDB store. */
class ITCostRecalculator {

    private static final WorkspaceId WS = WorkspaceId.of("ws-recalc");
    private static final WorkspaceId OTHER = WorkspaceId.of("ws-recalc-other");
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;

    private SextantStore store;
    private CatalogCostAccountant accountant;

    @BeforeEach
    void openStore() {
        store = JdbcStores.duckdb(dir.resolve("sextant.duckdb"));
        store.migrate();
        store.workspaces().create(WS, "recalc", "Recalc");
        store.workspaces().create(OTHER, "recalc-other", "Recalc other");
        accountant = new CatalogCostAccountant(PriceCatalog.shipped(), store.prices());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void repricesCalculatedSpansWithTheNewOverrideAndLeavesReportedCostsAlone() {
        ingest(WS, List.of(
                // 1,000 × 0.075 + 500 × 0.30 = 225 → $0.000225
                Spans.llm("s-flash", "gemini-1.5-flash", Usage.of(1_000, 500), Instant.parse("2026-11-01T10:00:00Z")),
                // before the 2024-10-01 cut: 10,000 × 3.50 + 2,000 × 10.50 = 56,000 → $0.056
                Spans.llm("s-pro", "gemini-1.5-pro", Usage.of(10_000, 2_000), Instant.parse("2024-09-30T12:00:00Z")),
                Spans.span("s-reported", SpanKind.LLM, "gemini-1.5-flash", Usage.of(1_000, 500), new BigDecimal("0.5"),
                        null, Instant.parse("2026-11-01T10:00:01Z"), null, null),
                Spans.llm("s-unknown", "my-local-llama", Usage.of(1_000, 500), Instant.parse("2026-11-01T10:00:02Z"))));
        assertThat(rollupCost(WS)).isEqualByComparingTo("0.556225");

        store.prices().add(WS, new ModelPrice("negotiated-flash", "google", "gemini-1\\.5-flash",
                LocalDate.parse("2024-01-01"), null, 0, new BigDecimal("0.05"), new BigDecimal("0.20"), null, null, null));

        CostRecalculator.Result result = new CostRecalculator(store.costs(), accountant, 1).recalculate(WS, FROM, TO);

        // s-flash: 1,000 × 0.05 + 500 × 0.20 = 150 → $0.00015; s-pro unchanged; s-unknown still unpriced;
        // the reported span is not examined
        assertThat(result.examined()).isEqualTo(3);
        assertThat(result.changed()).isEqualTo(1);
        assertThat(result.unpriced()).isEqualTo(1);
        assertThat(result.before()).isEqualByComparingTo("0.056225");
        assertThat(result.after()).isEqualByComparingTo("0.05615");

        Map<String, Span> spans = spans(WS);
        assertThat(spans.get("s-flash").costUsd()).isEqualByComparingTo("0.00015");
        assertThat(spans.get("s-flash").costSource()).isEqualTo(CostSource.CALCULATED);
        assertThat(spans.get("s-pro").costUsd()).isEqualByComparingTo("0.056");
        assertThat(spans.get("s-reported").costUsd()).isEqualByComparingTo("0.5");
        assertThat(spans.get("s-reported").costSource()).isEqualTo(CostSource.REPORTED);
        assertThat(spans.get("s-unknown").costUsd()).isNull();
        // the trace's roll-up follows: 0.00015 + 0.056 + 0.5
        assertThat(rollupCost(WS)).isEqualByComparingTo("0.55615");

        CostRecalculator.Result again = new CostRecalculator(store.costs(), accountant).recalculate(WS, FROM, TO);
        assertThat(again.changed()).isZero();
        assertThat(again.before()).isEqualByComparingTo(again.after());

        // a price for the unknown model prices the span that ingest left unpriced: 1,000 × 0.01 + 500 × 0.01 → $0.000015
        store.prices().add(WS, new ModelPrice("llama", "self-hosted", "my-local-llama", LocalDate.parse("2024-01-01"),
                null, 0, new BigDecimal("0.01"), new BigDecimal("0.01"), null, null, null));
        CostRecalculator.Result priced = new CostRecalculator(store.costs(), accountant).recalculate(WS, FROM, TO);
        assertThat(priced.changed()).isEqualTo(1);
        assertThat(priced.unpriced()).isZero();
        assertThat(priced.after()).isEqualByComparingTo("0.056165");
        assertThat(spans(WS).get("s-unknown").costSource()).isEqualTo(CostSource.CALCULATED);
        assertThat(rollupCost(WS)).isEqualByComparingTo("0.556165");
    }

    @Test
    void onlyTheRangeAndTheWorkspaceAreTouched() {
        ingest(WS, List.of(Spans.llm("s-late", "gemini-1.5-flash", Usage.of(1_000, 500),
                Instant.parse("2026-12-15T10:00:00Z"))));
        ingest(OTHER, List.of(Spans.llm("s-other", "gemini-1.5-flash", Usage.of(1_000, 500),
                Instant.parse("2026-11-01T10:00:00Z"))));
        store.prices().add(WS, new ModelPrice("free-flash", "google", "gemini-1\\.5-flash",
                LocalDate.parse("2024-01-01"), null, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null));

        CostRecalculator.Result result = new CostRecalculator(store.costs(), accountant).recalculate(WS, FROM, TO);

        assertThat(result.examined()).isZero();
        assertThat(spans(WS).get("s-late").costUsd()).isEqualByComparingTo("0.000225");
        assertThat(spans(OTHER).get("s-other").costUsd()).isEqualByComparingTo("0.000225");
    }

    @Test
    void overridesStoredInTheDatabaseWinAtIngest() {
        store.prices().add(WS, new ModelPrice("negotiated-flash", "google", "gemini-1\\.5-flash",
                LocalDate.parse("2024-01-01"), null, 0, new BigDecimal("0.05"), new BigDecimal("0.20"), null, null, null));
        Span span = Spans.llm("s-1", "models/gemini-1.5-flash-002", Usage.of(1_000, 500), Instant.parse("2026-11-01T10:00:00Z"));
        // the override pattern must match the whole name: this spelling falls back to the catalog
        assertThat(accountant.account(WS, span).costUsd()).isEqualByComparingTo("0.000225");
        Span plain = Spans.llm("s-2", "gemini-1.5-flash", Usage.of(1_000, 500), Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(accountant.account(WS, plain).costUsd()).isEqualByComparingTo("0.00015");
        assertThat(accountant.account(OTHER, plain).costUsd()).isEqualByComparingTo("0.000225");
    }

    private void ingest(WorkspaceId workspace, List<Span> spans) {
        Trace trace = new Trace("t-1", "agent", null, null, null, "answer", null, null, null, null,
                Instant.parse("2024-09-30T12:00:00Z"), null, null, null, null, null, null, null, null, null, null, null);
        List<Span> priced = spans.stream().map(s -> accountant.account(workspace, s)).toList();
        store.tracking().write(List.of(new WorkspaceBatch(workspace, List.of(trace), priced, List.of(), List.of())));
    }

    private TraceDetail detail(WorkspaceId workspace) {
        return store.interactions().get(workspace, "t-1").orElseThrow();
    }

    private BigDecimal rollupCost(WorkspaceId workspace) {
        return detail(workspace).summary().rollup().costUsd();
    }

    private Map<String, Span> spans(WorkspaceId workspace) {
        return detail(workspace).spans().stream().collect(Collectors.toMap(Span::id, Function.identity()));
    }
}
