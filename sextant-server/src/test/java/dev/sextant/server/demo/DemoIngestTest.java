package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.cost.PriceCatalog;
import dev.sextant.ingest.IngestResult;
import dev.sextant.ingest.IngestService;
import dev.sextant.ingest.IngestSettings;
import dev.sextant.model.CostSource;
import dev.sextant.model.Span;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.demo.DemoItems.Item;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.InteractionStats;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.jdbc.JdbcStores;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo goes through the real ingest path into a real DuckDB store: nothing is rejected, all is priced. */
class DemoIngestTest {
    private static final WorkspaceId WORKSPACE = WorkspaceId.of("demo-ingest-test");

    @TempDir
    static Path dir;

    private static SextantStore store;
    private static int accepted;
    private final DemoItems demo = DemoItems.standard();

    @BeforeAll
    static void ingestTheWholeDemo() {
        DemoItems demo = DemoItems.standard();
        store = JdbcStores.duckdb(dir.resolve("demo.duckdb"));
        store.migrate();
        store.workspaces().create(WORKSPACE, "demo", "Demo");
        var costs = new CatalogCostAccountant(PriceCatalog.shipped(), store.prices());
        try (IngestService ingest = new IngestService(store.tracking(), costs, IngestSettings.defaults())) {
            for (String body : demo.bodies()) {
                IngestResult result = ingest.ingest(WORKSPACE, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                assertThat(result.rejected()).as("rejections").isEmpty();
                accepted += result.accepted();
            }
        }
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void everyItemIsAccepted() {
        assertThat(accepted).isEqualTo(demo.all().count());
    }

    @Test
    void theStoredStatsTellTheStories() {
        InteractionStats all = store.interactions().stats(WORKSPACE, InteractionQuery.ALL);
        assertThat(all.interactions()).isEqualTo(demo.ofType("trace").count());
        assertThat(all.totalCostUsd()).isPositive();
        assertThat(all.byModel()).allSatisfy(m -> assertThat(m.costUsd()).as(m.model()).isPositive());
        assertThat(all.tokens().cacheRead()).isPositive();
        assertThat(all.tokens().reasoning()).isPositive();

        InteractionStats support = store.interactions().stats(WORKSPACE,
                InteractionQuery.builder().agentId(SupportBotStory.AGENT).build());
        assertThat(support.handoffs()).isEqualTo(demo.traces(SupportBotStory.AGENT)
                .filter(t -> t.body().get("handoff").get("triggered").asBoolean()).count());
        assertThat(support.handoffReasons()).extracting(InteractionStats.KeyCount::key)
                .containsExactlyInAnyOrder("low_confidence", "angry_customer", "refund_over_limit", "policy");
        assertThat(support.errors()).isPositive();
    }

    @Test
    void aCostTheClientReportsIsKept() {
        Item reported = demo.ofType("span").filter(s -> s.body().has("cost_usd")).findFirst().orElseThrow();
        Span stored = storedSpan(reported);
        assertThat(stored.costSource()).isEqualTo(CostSource.REPORTED);
        assertThat(stored.costUsd()).isEqualByComparingTo(new BigDecimal(reported.text("cost_usd")));
    }

    @Test
    void aWriterPromptOverOneHundredTwentyEightThousandTokensIsPricedAtTheUpperTier() {
        Item draft = demo.ofType("span").filter(s -> CampaignStory.PRO.equals(s.text("model"))
                && s.body().get("usage").get("input_tokens").asLong() > 128_000).findFirst().orElseThrow();
        long input = draft.body().get("usage").get("input_tokens").asLong();
        long output = draft.body().get("usage").get("output_tokens").asLong();
        Span stored = storedSpan(draft);
        // Gemini 1.5 Pro above 128K prompt tokens (from 2024-10-01): $2.50 input, $10.00 output per 1M
        double expected = input * 2.50 / 1e6 + output * 10.00 / 1e6;
        assertThat(stored.costSource()).isEqualTo(CostSource.CALCULATED);
        assertThat(stored.costUsd().doubleValue()).isCloseTo(expected, within(1e-6));
    }

    private Span storedSpan(Item span) {
        TraceDetail detail = store.interactions().get(WORKSPACE, span.text("trace_id")).orElseThrow();
        return detail.spans().stream().filter(s -> s.id().equals(span.id())).findFirst().orElseThrow();
    }
}
