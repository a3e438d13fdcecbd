package dev.sextant.server.models;

import dev.sextant.server.web.TextFields;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.models.ModelVersionStore;
import dev.sextant.store.models.NewModelVersion;
import dev.sextant.store.training.TrainingType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A model version as posted. Every wrong field is reported at once, naming it; the parent must be
 * a version of the same agent in the caller's workspace, and never the version itself.
 */
record VersionBody(String id, String agentId, String versionLabel, String modelId, String baseModel,
        String parentVersionId, String runId, String trainingType, OffsetDateTime deployedAt, String notes,
        List<String> tags) {
    /** GET /api/v1/model-versions/timeline and /transfer are endpoints, so no version may be called that. */
    static final Set<String> RESERVED_IDS = Set.of("timeline", "transfer");
    static final int MAX_TEXT = 256;
    static final int MAX_NOTES = 4000;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG = 64;

    NewModelVersion validated(WorkspaceId workspace, ModelVersionStore versions) {
        List<FieldProblem> problems = new ArrayList<>();
        if (id != null) {
            if (!Texts.ID.matcher(id).matches()) {
                problems.add(FieldProblem.field("id", "id must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting"
                        + " with a letter or digit, was '" + Texts.shorten(id.replace('\u0000', '?')) + "'"));
            } else if (RESERVED_IDS.contains(id)) {
                problems.add(FieldProblem.field("id", "id '" + id + "' is reserved (GET /api/v1/model-versions/" + id
                        + " is an endpoint); choose another"));
            }
        }
        String agent = TextFields.text("agent_id", agentId, MAX_TEXT, true, problems);
        String label = TextFields.text("version_label", versionLabel, MAX_TEXT, true, problems);
        String model = TextFields.text("model_id", modelId, MAX_TEXT, true, problems);
        String base = TextFields.text("base_model", baseModel, MAX_TEXT, false, problems);
        String run = TextFields.text("run_id", runId, MAX_TEXT, false, problems);
        String note = TextFields.text("notes", notes, MAX_NOTES, false, problems);
        TrainingType type = null;
        if (trainingType != null) {
            type = TrainingType.find(trainingType).orElse(null);
            if (type == null) {
                problems.add(FieldProblem.field("training_type", "training_type must be one of fine_tuning, few_shot,"
                        + " reinforcement, transfer_learning, was '" + Texts.shorten(trainingType.replace('\u0000', '?')) + "'"));
            }
        }
        List<String> cleanTags = tags(problems);
        String parent = parent(workspace, versions, agent, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new NewModelVersion(id, agent, label, model, base, parent, run, type,
                deployedAt == null ? null : deployedAt.toInstant(), note, cleanTags);
    }

    private String parent(WorkspaceId workspace, ModelVersionStore versions, String agent, List<FieldProblem> problems) {
        if (parentVersionId == null) {
            return null;
        }
        String field = "parent_version_id";
        if (parentVersionId.equals(id)) {
            problems.add(FieldProblem.field(field, "a version cannot be its own parent: parent_version_id '" + id
                    + "' would make a cycle"));
            return null;
        }
        Optional<ModelVersion> found = Texts.ID.matcher(parentVersionId).matches()
                ? versions.find(workspace, parentVersionId) : Optional.empty();
        if (found.isEmpty()) {
            problems.add(FieldProblem.field(field, "parent version '" + Texts.shorten(parentVersionId.replace('\u0000', '?'))
                    + "' does not exist in this workspace"));
            return null;
        }
        if (agent != null && !found.get().agentId().equals(agent)) {
            problems.add(FieldProblem.field(field, "parent version '" + parentVersionId + "' is a version of agent '"
                    + Texts.shorten(found.get().agentId()) + "', not of '" + Texts.shorten(agent) + "'"));
            return null;
        }
        return parentVersionId;
    }

    private List<String> tags(List<FieldProblem> problems) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(FieldProblem.field("tags", "at most " + MAX_TAGS + " tags, were " + tags.size()));
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = TextFields.text("tags[" + i + "]", tags.get(i), MAX_TAG, true, problems);
            if (tag != null && seen.add(tag)) {
                clean.add(tag);
            }
        }
        return clean;
    }
}
