package dev.sextant.store.tests;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.SextantStore;
import dev.sextant.store.WorkspaceBatch;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every contract: one store per test class, on a fresh empty database that the
 * backend's test provides. Tests isolate themselves by working in a new workspace each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContract {
    private SextantStore store;

    /** A store on a new, empty database (nothing migrated yet). */
    protected abstract SextantStore newStore();

    /** Removes what {@link #newStore()} created; called after the store is closed. */
    protected void dropStore() {}

    /**
     * Declared backend difference: PostgreSQL stores JSON as jsonb and hands back normalised
     * text; DuckDB hands back the text as written. Both are the same JSON.
     */
    protected abstract boolean normalizesJsonText();

    /** Whether the class starts from a migrated schema (the migration contract does not). */
    protected boolean migrateBeforeTests() {
        return true;
    }

    @BeforeAll
    final void openStore() {
        store = newStore();
        if (migrateBeforeTests()) {
            store.migrate();
        }
    }

    @AfterAll
    final void closeStore() {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            dropStore();
        }
    }

    protected final SextantStore store() {
        return store;
    }

    /** A workspace id no other test uses. */
    protected static WorkspaceId newWorkspace() {
        return WorkspaceId.of("ws-" + UUID.randomUUID().toString().substring(0, 18));
    }

    protected final void write(WorkspaceBatch... batches) {
        store.tracking().write(List.of(batches));
    }
}
