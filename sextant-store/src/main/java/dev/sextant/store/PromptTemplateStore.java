package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's prompt templates and their versions. Versions are never changed or deleted; a
 * new text is a new version. Another workspace's template is not found, exactly like a missing one.
 */
public interface PromptTemplateStore {

    /** Every template of the workspace, by id (byte order). */
    List<PromptTemplate> list(WorkspaceId workspace);

    Optional<PromptTemplate> find(WorkspaceId workspace, String templateId);

    /**
     * Creates the template with {@code first} as its version 1, both or neither.
     *
     * @throws ConflictException when the workspace already has a template of that id
     */
    PromptTemplate create(WorkspaceId workspace, PromptTemplate.Spec spec, PromptDraft first);

    /** Adds the next version; empty when there is no such template. */
    Optional<PromptVersion> addVersion(WorkspaceId workspace, String templateId, PromptDraft draft);

    /** The template's versions, oldest first; empty when there is no such template. */
    List<PromptVersion> versions(WorkspaceId workspace, String templateId);

    Optional<PromptVersion> version(WorkspaceId workspace, String templateId, int version);

    /** Every version of every template of the workspace without texts, by template id (byte order), then version. */
    List<PromptVersionSummary> versionSummaries(WorkspaceId workspace);

    /**
     * Points the {@code production} label at {@code version}, or back at the newest version when
     * it is null. Empty when there is no such template.
     *
     * @throws IllegalArgumentException when the template has no such version
     */
    Optional<PromptTemplate> setProduction(WorkspaceId workspace, String templateId, Integer version);
}
