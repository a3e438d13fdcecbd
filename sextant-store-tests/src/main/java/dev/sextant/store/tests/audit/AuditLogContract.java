package dev.sextant.store.tests.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.audit.AuditActorKind;
import dev.sextant.store.audit.AuditEntry;
import dev.sextant.store.audit.AuditLogStore;
import dev.sextant.store.audit.AuditPage;
import dev.sextant.store.audit.AuditQuery;
import dev.sextant.store.audit.NewAuditEntry;
import dev.sextant.store.tests.StoreContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit log: entries read back exactly as appended, newest first, paged by cursor without
 * gaps or repeats, every filter, hostile text kept as data, and tenant isolation on every read.
 */
public abstract class AuditLogContract extends StoreContract {
    private static final String HOSTILE = "'); DROP TABLE audit_log; -- \u0000? <script>x</script> \"}";

    private AuditLogStore log() {
        return store().auditLog();
    }

    private static NewAuditEntry entry(String action, String actorId, String targetId) {
        return new NewAuditEntry(AuditActorKind.API_KEY, actorId, "key " + actorId, action, "thing", targetId,
                "{\"n\":1}", "127.0.0.1", "test-agent/1", "req-" + targetId);
    }

    @Test
    public void anEntryReadsBackAsAppended() {
        WorkspaceId ws = newWorkspace();
        NewAuditEntry e = new NewAuditEntry(AuditActorKind.USER_SESSION, "usr_1", "ada@example.com", "member.add",
                "member", "usr_2", "{\"role\": \"viewer\", \"text\": \"" + HOSTILE.replace("\"", "\\\"").replace("\u0000", "")
                + "\"}", "::1", HOSTILE.replace("\u0000", ""), "r-1");
        AuditEntry stored = log().append(ws, e);
        assertThat(stored.id()).isNotBlank();
        assertThat(stored.at()).isNotNull();
        AuditPage page = log().page(ws, AuditQuery.all(10));
        assertThat(page.nextCursor()).isNull();
        assertThat(page.entries()).containsExactly(stored);
        AuditEntry read = page.entries().get(0);
        assertThat(read.actorKind()).isEqualTo(AuditActorKind.USER_SESSION);
        assertThat(read.detailsJson()).isEqualTo(e.detailsJson());
        assertThat(read.userAgent()).isEqualTo(e.userAgent());
        assertThat(read.sourceIp()).isEqualTo("::1");
    }

    @Test
    public void pagesAreNewestFirstWithoutGapsOrRepeats() {
        WorkspaceId ws = newWorkspace();
        List<String> appended = new ArrayList<>();
        int count = 7;
        for (int i = 0; i < count; i++) {
            appended.add(log().append(ws, entry("price.set", "k1", "t" + i)).id());
        }
        List<AuditEntry> all = log().page(ws, AuditQuery.all(100)).entries();
        assertThat(all).hasSize(count);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).at()).isBeforeOrEqualTo(all.get(i - 1).at());
        }
        List<String> paged = new ArrayList<>();
        AuditQuery q = AuditQuery.all(3);
        int pages = 0;
        while (true) {
            AuditPage page = log().page(ws, q);
            pages++;
            page.entries().forEach(a -> paged.add(a.id()));
            if (page.nextCursor() == null) {
                break;
            }
            q = q.after(page.nextCursor());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).isEqualTo(all.stream().map(AuditEntry::id).toList());
        assertThat(paged).containsExactlyInAnyOrderElementsOf(appended);
    }

    @Test
    public void filtersByActionPrefixActorTargetAndTime() {
        WorkspaceId ws = newWorkspace();
        AuditEntry create = log().append(ws, entry("api_key.create", "k1", "key_a"));
        AuditEntry revoke = log().append(ws, entry("api_key.revoke", "k2", "key_a"));
        AuditEntry price = log().append(ws, entry("price.set", "k1", "p1"));
        log().append(ws, entry("api_keyX", "k1", "x"));
        assertThat(ids(ws, new AuditQuery("api_key.", null, null, null, null, null, null, 50)))
                .containsExactlyInAnyOrder(create.id(), revoke.id());
        assertThat(ids(ws, new AuditQuery("api_key.create", null, null, null, null, null, null, 50)))
                .containsExactly(create.id());
        assertThat(ids(ws, new AuditQuery("api_key", null, null, null, null, null, null, 50))).isEmpty();
        assertThat(ids(ws, new AuditQuery(null, "key k2", null, null, null, null, null, 50))).containsExactly(revoke.id());
        assertThat(ids(ws, new AuditQuery(null, "k2", null, null, null, null, null, 50))).containsExactly(revoke.id());
        assertThat(ids(ws, new AuditQuery(null, null, "thing", "key_a", null, null, null, 50)))
                .containsExactlyInAnyOrder(create.id(), revoke.id());
        assertThat(ids(ws, new AuditQuery(null, null, "other", null, null, null, null, 50))).isEmpty();
        assertThat(ids(ws, new AuditQuery(null, null, null, null, price.at(), price.at().plusNanos(1000), null, 50)))
                .contains(price.id()).doesNotContain(create.id());
        assertThat(ids(ws, new AuditQuery(null, null, null, null, null, create.at(), null, 50))).isEmpty();
        assertThat(ids(ws, new AuditQuery(null, null, null, null, Instant.parse("2100-01-01T00:00:00Z"), null, null, 50)))
                .isEmpty();
    }

    @Test
    public void aForeignCursorIsRefused() {
        WorkspaceId ws = newWorkspace();
        assertThatThrownBy(() -> log().page(ws, AuditQuery.all(5).after("not a cursor")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
    }

    @Test
    public void anotherWorkspaceSeesNoneOfItOnAnyFilter() {
        WorkspaceId mine = newWorkspace();
        WorkspaceId other = newWorkspace();
        AuditEntry e = log().append(mine, entry("api_key.create", "k1", "key_a"));
        assertThat(log().page(other, AuditQuery.all(50)).entries()).isEmpty();
        assertThat(ids(other, new AuditQuery("api_key.", "k1", "thing", "key_a", null, null, null, 50))).isEmpty();
        String cursorOfMine = log().page(mine, AuditQuery.all(1)).nextCursor();
        log().append(mine, entry("api_key.revoke", "k1", "key_a"));
        String cursor = log().page(mine, AuditQuery.all(1)).nextCursor();
        assertThat(cursorOfMine).isNull();
        assertThat(log().page(other, AuditQuery.all(50).after(cursor)).entries()).isEmpty();
        assertThat(ids(mine, AuditQuery.all(50))).contains(e.id());
    }

    private List<String> ids(WorkspaceId ws, AuditQuery q) {
        return log().page(ws, q).entries().stream().map(AuditEntry::id).toList();
    }
}
