package dev.sextant.store.models;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's model versions and their evaluations. Versions and evaluations are never changed
 * or deleted once written, so a parent that exists stays there. Another workspace's version is
 * not found, exactly like a missing one.
 */
public interface ModelVersionStore {

    /**
     * Stores a new version.
     *
     * @throws dev.sextant.store.ConflictException when the workspace has a version with this id, or
     *         the agent already has one with this label
     * @throws IllegalArgumentException when the parent is not a version of the same agent in this
     *         workspace, or is the version itself
     */
    ModelVersion add(WorkspaceId workspace, NewModelVersion version);

    Optional<ModelVersion> find(WorkspaceId workspace, String versionId);

    /** The agent's versions (every agent's when {@code agentId} is null), in {@link ModelVersion#orderedAt()} order, then id. */
    List<ModelVersion> list(WorkspaceId workspace, String agentId);

    /** Stores an evaluation of the version; empty when the workspace has no such version. */
    Optional<ModelEvaluation> addEvaluation(WorkspaceId workspace, String versionId, NewEvaluation evaluation);

    /** The version's evaluations, oldest {@code evaluatedAt} first (then id). */
    List<ModelEvaluation> evaluations(WorkspaceId workspace, String versionId);

    /** The evaluations of every version of the agent, for timelines (same order as {@link #evaluations}). */
    List<ModelEvaluation> evaluationsOfAgent(WorkspaceId workspace, String agentId);
}
