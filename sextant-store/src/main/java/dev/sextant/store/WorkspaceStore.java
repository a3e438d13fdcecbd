package dev.sextant.store;

import dev.sextant.model.Workspace;
import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

public interface WorkspaceStore {

    /** Creates a workspace; fails with {@link ConflictException} when the slug is taken. */
    Workspace create(WorkspaceId id, String slug, String name);

    Optional<Workspace> find(WorkspaceId id);

    Optional<Workspace> findBySlug(String slug);

    List<Workspace> list();
}
