package dev.sextant.server.training;

import dev.sextant.server.web.TextFields;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.training.DatasetRef;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.TrainingType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/training/runs}: a run as the client starts it. Every wrong field is reported
 * at once; nothing is stored unless all are right.
 */
record RunBody(String id, String agentId, String name, String baseModel, String trainingType,
        Map<String, Object> hyperparameters, DatasetBody dataset, Long totalSteps, Map<String, String> tags,
        OffsetDateTime startedAt) {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    static final int MAX_TEXT = 256;
    static final int MAX_KEYS = 200;
    static final int MAX_KEY = 250;
    static final int MAX_TAG_VALUE = 5000;

    record DatasetBody(String id, String name, Long size, String source, String split) {}

    record Valid(String id, NewTrainingRun run, java.time.Instant startedAt) {}

    Valid validated() {
        List<FieldProblem> problems = new ArrayList<>();
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(FieldProblem.field("id", "id must be 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-',"
                    + " starting with a letter or digit, was '" + Fields.shorten(id) + "'"));
        }
        String agent = TextFields.text("agent_id", agentId, MAX_TEXT, false, problems);
        String cleanName = TextFields.text("name", name, 500, false, problems);
        String model = TextFields.text("base_model", baseModel, MAX_TEXT, false, problems);
        TrainingType type = null;
        if (trainingType == null) {
            problems.add(FieldProblem.field("training_type", "training_type is required: fine_tuning, few_shot,"
                    + " reinforcement or transfer_learning"));
        } else {
            try {
                type = TrainingType.fromWire(trainingType);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field("training_type", Fields.shorten(e.getMessage())));
            }
        }
        Hyperparameters.check(hyperparameters, problems);
        DatasetRef ref = null;
        if (dataset != null) {
            ref = new DatasetRef(TextFields.text("dataset.id", dataset.id(), MAX_TEXT, false, problems),
                    TextFields.text("dataset.name", dataset.name(), MAX_TEXT, false, problems), dataset.size(),
                    TextFields.text("dataset.source", dataset.source(), 2000, false, problems),
                    TextFields.text("dataset.split", dataset.split(), MAX_TEXT, false, problems));
            if (dataset.size() != null && dataset.size() < 0) {
                problems.add(FieldProblem.field("dataset.size", "dataset.size counts examples, 0 or more, was "
                        + dataset.size()));
            }
        }
        if (totalSteps != null && totalSteps < 1) {
            problems.add(FieldProblem.field("total_steps", "total_steps must be at least 1, was " + totalSteps));
        }
        checkTags(tags, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Valid(id, new NewTrainingRun(agent, cleanName, model, type, hyperparameters, ref, totalSteps, tags),
                startedAt == null ? null : startedAt.toInstant());
    }

    static void checkTags(Map<String, String> tags, List<FieldProblem> problems) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_KEYS) {
            problems.add(FieldProblem.field("tags", "tags has " + tags.size() + " entries, over the limit of " + MAX_KEYS));
            return;
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String pointer = "/tags/" + Fields.token(e.getKey());
            String bad = Fields.badName("a tag name", e.getKey(), MAX_KEY);
            if (bad != null) {
                problems.add(FieldProblem.at("tags", e.getKey().length() > MAX_KEY ? "/tags" : pointer, bad));
            } else if (e.getValue() == null) {
                problems.add(FieldProblem.at("tags", pointer, "tag '" + e.getKey() + "' must be a string, was null"));
            } else if (e.getValue().length() > MAX_TAG_VALUE || e.getValue().indexOf('\u0000') >= 0) {
                problems.add(FieldProblem.at("tags", pointer, "tag '" + e.getKey() + "' must be at most " + MAX_TAG_VALUE
                        + " characters without NUL"));
            }
        }
    }
}
