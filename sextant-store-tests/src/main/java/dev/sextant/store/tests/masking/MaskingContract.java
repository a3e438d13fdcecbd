package dev.sextant.store.tests.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.masking.MaskingCount;
import dev.sextant.store.masking.MaskingDayCount;
import dev.sextant.store.masking.MaskingStore;
import dev.sextant.store.tests.StoreContract;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * Masking: rules read back exactly as saved and replaced whole, one hashing secret per workspace
 * however many callers race to create it, counters that add up per day, and tenant isolation on
 * every read.
 */
public abstract class MaskingContract extends StoreContract {
    private static final String RULES = "{\"detectors\": {\"email\": {\"action\": \"hash\", \"applies_to\": [\"inputs\"]}},"
            + "  \"hash_user_ids\":true}";

    private MaskingStore masking() {
        return store().masking();
    }

    @Test
    public void rulesAreAbsentUntilSavedThenReadBackAsWrittenAndReplaced() {
        WorkspaceId ws = newWorkspace();
        assertThat(masking().rules(ws)).isEmpty();
        masking().setRules(ws, RULES);
        assertThat(masking().rules(ws)).hasValueSatisfying(r -> {
            assertThat(r.json()).isEqualTo(RULES);
            assertThat(r.updatedAt()).isNotNull();
        });
        masking().setRules(ws, "{}");
        assertThat(masking().rules(ws).orElseThrow().json()).isEqualTo("{}");
    }

    @Test
    public void oneSecretPerWorkspaceEvenWhenCallersRace() throws Exception {
        WorkspaceId ws = newWorkspace();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> masking().hashingSecret(ws)));
            }
            var distinct = ConcurrentHashMap.<String>newKeySet();
            for (Future<byte[]> call : calls) {
                byte[] secret = call.get();
                assertThat(secret).hasSize(32);
                distinct.add(java.util.HexFormat.of().formatHex(secret));
            }
            assertThat(distinct).hasSize(1);
        } finally {
            pool.shutdown();
        }
        WorkspaceId other = newWorkspace();
        assertThat(masking().hashingSecret(other)).isNotEqualTo(masking().hashingSecret(ws));
    }

    @Test
    public void countersAddUpPerDayDetectorAndAction() {
        WorkspaceId ws = newWorkspace();
        LocalDate d1 = LocalDate.of(2026, 11, 1);
        LocalDate d2 = d1.plusDays(1);
        masking().addCounts(ws, d1, List.of(new MaskingCount("email", "mask", 2), new MaskingCount("api_key", "mask", 1)));
        masking().addCounts(ws, d1, List.of(new MaskingCount("email", "mask", 3)));
        masking().addCounts(ws, d2, List.of(new MaskingCount("order_ref", "hash", 7)));
        masking().addCounts(ws, d2, List.of());
        long emails = 2 + 3;
        assertThat(masking().counts(ws, d1, d2)).containsExactly(
                new MaskingDayCount(d1, "api_key", "mask", 1), new MaskingDayCount(d1, "email", "mask", emails),
                new MaskingDayCount(d2, "order_ref", "hash", 7));
        assertThat(masking().counts(ws, d2, d2)).containsExactly(new MaskingDayCount(d2, "order_ref", "hash", 7));
        assertThat(masking().counts(ws, d2.plusDays(1), d2.plusDays(9))).isEmpty();
    }

    @Test
    public void anotherWorkspaceSeesNoneOfIt() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        LocalDate day = LocalDate.of(2026, 11, 3);
        masking().setRules(ws, RULES);
        masking().addCounts(ws, day, List.of(new MaskingCount("email", "mask", 4)));
        assertThat(masking().rules(other)).isEmpty();
        assertThat(masking().counts(other, day, day)).isEmpty();
        masking().addCounts(other, day, List.of(new MaskingCount("email", "mask", 1)));
        assertThat(masking().counts(ws, day, day)).containsExactly(new MaskingDayCount(day, "email", "mask", 4));
        assertThat(masking().counts(other, day, day)).containsExactly(new MaskingDayCount(day, "email", "mask", 1));
    }
}
