package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.batch;
import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.ApiKey;
import dev.sextant.model.CostSource;
import dev.sextant.model.Scope;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CostStore.CostUpdate;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.PageRequest;
import dev.sextant.store.PriceStore.StoredPrice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two workspaces that use the SAME ids: every read path sees only its own records, and no
 * write of one changes the other.
 */
public abstract class TenantIsolationContract extends StoreContract {
    private WorkspaceId mine;
    private WorkspaceId theirs;

    @BeforeEach
    void twoWorkspacesWithTheSameIds() {
        mine = newWorkspace();
        theirs = newWorkspace();
        write(batch(mine, List.of(Fixtures.withAgent(trace("t-1", at(0)), "mine")),
                List.of(llm("s-1", "t-1", at(1), "gpt-mine", Usage.of(10, 1), "0.5"))));
        write(batch(theirs, List.of(Fixtures.withAgent(trace("t-1", at(0)), "theirs"), trace("t-2", at(5))),
                List.of(llm("s-1", "t-1", at(1), "gpt-theirs", Usage.of(1000, 100), "7"),
                        llm("s-2", "t-2", at(6), "gpt-theirs", Usage.of(1, 1), "1"))));
    }

    @Test
    public void getSeesOnlyItsOwnTrace() {
        var detail = store().interactions().get(mine, "t-1").orElseThrow();
        assertThat(detail.summary().trace().agentId()).isEqualTo("mine");
        assertThat(detail.spans()).extracting(s -> s.model()).containsExactly("gpt-mine");
        assertThat(detail.summary().rollup().inputTokens()).isEqualTo(10);
        assertThat(store().interactions().get(mine, "t-2")).isEmpty();
    }

    @Test
    public void listAndFiltersSeeOnlyItsOwnTraces() {
        assertThat(store().interactions().list(mine, InteractionQuery.ALL, PageRequest.first(50)).items())
                .extracting(s -> s.trace().agentId()).containsExactly("mine");
        assertThat(store().interactions().list(mine, InteractionQuery.builder().model("gpt-theirs").build(),
                PageRequest.first(50)).items()).isEmpty();
        assertThat(store().interactions().list(mine, InteractionQuery.builder().agentId("theirs").build(),
                PageRequest.first(50)).items()).isEmpty();
    }

    @Test
    public void statsCountOnlyItsOwnTraces() {
        var stats = store().interactions().stats(mine, InteractionQuery.ALL);
        assertThat(stats.interactions()).isEqualTo(1);
        assertThat(stats.totalCostUsd()).isEqualByComparingTo("0.5");
        assertThat(stats.tokens().input()).isEqualTo(10);
        assertThat(stats.byModel()).extracting(m -> m.model()).containsExactly("gpt-mine");
    }

    @Test
    public void keysOfAnotherWorkspaceAreNotFoundNorRevoked() {
        ApiKey theirKey = store().apiKeys().create(theirs, "theirs", "sx_x", "hash-" + theirs, Set.of(Scope.ADMIN));
        assertThat(store().apiKeys().find(mine, theirKey.id())).isEmpty();
        assertThat(store().apiKeys().list(mine)).isEmpty();
        assertThat(store().apiKeys().revoke(mine, theirKey.id())).isFalse();
        assertThat(store().apiKeys().findLiveBySecretHash("hash-" + theirs)).contains(theirKey);
    }

    @Test
    public void pricesOfAnotherWorkspaceAreNotListedNorDeleted() {
        StoredPrice theirPrice = store().prices().add(theirs, PriceContract.price("x", 0, "1", "1"));
        assertThat(store().prices().list(mine)).isEmpty();
        assertThat(store().prices().delete(mine, theirPrice.id())).isFalse();
        assertThat(store().prices().list(theirs)).containsExactly(theirPrice);
    }

    @Test
    public void costsOfAnotherWorkspaceAreNeitherReadNorChanged() {
        assertThat(store().costs().pricedSpans(mine, at(0), at(100), null, 10))
                .extracting(p -> p.model()).containsExactly("gpt-mine");
        store().costs().updateCosts(mine, List.of(new CostUpdate("s-2", "t-2", BigDecimal.TEN, CostSource.CALCULATED),
                new CostUpdate("s-1", "t-1", BigDecimal.ONE, CostSource.CALCULATED)));
        assertThat(store().interactions().get(theirs, "t-2").orElseThrow().summary().rollup().costUsd())
                .isEqualByComparingTo("1");
        assertThat(store().interactions().get(theirs, "t-1").orElseThrow().summary().rollup().costUsd())
                .isEqualByComparingTo("7");
        assertThat(store().interactions().get(mine, "t-1").orElseThrow().summary().rollup().costUsd())
                .isEqualByComparingTo("1");
        assertThat(store().interactions().get(mine, "t-2")).isEmpty();
    }

    @Test
    public void writesOfOneWorkspaceLeaveTheOthersRecordsAlone() {
        write(batch(mine, List.of(Fixtures.bareTrace("t-1", null, at(99))), List.of()));
        assertThat(store().interactions().get(theirs, "t-1").orElseThrow().summary().trace().endedAt())
                .isEqualTo(at(1200));
    }
}
