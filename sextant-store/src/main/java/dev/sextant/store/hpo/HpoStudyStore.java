package dev.sextant.store.hpo;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's hyperparameter optimization studies and their trials. Another workspace's study
 * is not found, exactly like a missing one; its trials are never read or added to.
 */
public interface HpoStudyStore {

    /** Stores a new study under a generated {@code hpo_...} id. */
    HpoStudy addStudy(WorkspaceId workspace, HpoStudySpec spec);

    Optional<HpoStudy> findStudy(WorkspaceId workspace, String studyId);

    /** The workspace's studies, oldest first (then by id). */
    List<HpoStudy> listStudies(WorkspaceId workspace);

    /**
     * Adds a trial to the study, numbered one after the study's last; empty when the workspace has
     * no such study.
     */
    Optional<HpoTrial> addTrial(WorkspaceId workspace, String studyId, HpoTrialSpec trial);

    /** The study's trials in number order; empty when there are none or there is no such study. */
    List<HpoTrial> listTrials(WorkspaceId workspace, String studyId);
}
