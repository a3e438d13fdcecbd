package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.Workspace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import org.junit.jupiter.api.Test;

public abstract class WorkspaceContract extends StoreContract {

    @Test
    public void aCreatedWorkspaceIsFoundByIdSlugAndInTheList() {
        WorkspaceId id = newWorkspace();
        Workspace created = store().workspaces().create(id, "slug-" + id, "Acme 🚀 'quoted'");
        assertThat(created.id()).isEqualTo(id);
        assertThat(created.createdAt()).isNotNull();
        assertThat(store().workspaces().find(id)).contains(created);
        assertThat(store().workspaces().findBySlug("slug-" + id)).contains(created);
        assertThat(store().workspaces().list()).contains(created);
    }

    @Test
    public void aTakenSlugIsAConflict() {
        WorkspaceId first = newWorkspace();
        store().workspaces().create(first, "taken-" + first, "First");
        assertThatThrownBy(() -> store().workspaces().create(newWorkspace(), "taken-" + first, "Second"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("taken-" + first);
        assertThat(store().workspaces().find(first).orElseThrow().name()).isEqualTo("First");
    }

    @Test
    public void aTakenIdIsAConflict() {
        WorkspaceId id = newWorkspace();
        store().workspaces().create(id, "one-" + id, "One");
        assertThatThrownBy(() -> store().workspaces().create(id, "two-" + id, "Two"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    public void unknownWorkspacesAreEmpty() {
        assertThat(store().workspaces().find(newWorkspace())).isEmpty();
        assertThat(store().workspaces().findBySlug("'; DROP TABLE workspaces; --")).isEmpty();
    }
}
