package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.trace;
import static dev.sextant.store.tests.Fixtures.traces;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.WorkspaceId;
import org.junit.jupiter.api.Test;

/** From an empty database to the newest schema; migrating again changes nothing. */
public abstract class MigrationContract extends StoreContract {

    @Override
    protected boolean migrateBeforeTests() {
        return false;
    }

    @Test
    public void anEmptyDatabaseMigratesToHeadAndAgainIsANoOp() {
        assertThat(store().healthy()).isTrue();
        store().migrate();

        WorkspaceId ws = newWorkspace();
        store().workspaces().create(ws, "m-" + ws, "Migrated");
        write(traces(ws, trace("t-1", at(0))));

        store().migrate(); // already at head: nothing to do, nothing lost
        assertThat(store().workspaces().find(ws)).isPresent();
        assertThat(store().interactions().get(ws, "t-1")).isPresent();
    }
}
