package dev.sextant.store.jdbc.internal;

import dev.sextant.store.training.DatasetRef;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.RunError;
import dev.sextant.store.training.RunResources;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStatus;
import dev.sextant.store.training.TrainingType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A training_runs row to and from a {@link TrainingRun}; the two JSON maps as text. */
final class TrainingRunRows {
    static final String SPEC_COLUMNS = "agent_id, name, base_model, training_type, hyperparameters, dataset_id,"
            + " dataset_name, dataset_size, dataset_source, dataset_split, total_steps, tags";
    static final String COLUMNS = "id, " + SPEC_COLUMNS + ", status, error_type, error_message, error_traceback,"
            + " gpu_hours, peak_memory_gb, cost_usd, tokens_processed, point_count, last_step, last_logged_at,"
            + " created_at, started_at, ended_at";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT_MAP = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private TrainingRunRows() {}

    static List<Object> specValues(NewTrainingRun r) {
        DatasetRef d = r.dataset() == null ? new DatasetRef(null, null, null, null, null) : r.dataset();
        return Arrays.asList(r.agentId(), r.name(), r.baseModel(), r.trainingType().wire(), json(r.hyperparameters()),
                d.id(), d.name(), d.size(), d.source(), d.split(), r.totalSteps(), json(new java.util.TreeMap<>(r.tags())));
    }

    static String json(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static Map<String, Object> hyperparameters(String json) {
        return MAPPER.readValue(json, OBJECT_MAP);
    }

    static Map<String, String> tags(String json) {
        return MAPPER.readValue(json, STRING_MAP);
    }

    static TrainingRun read(ResultSet rs) throws SQLException {
        DatasetRef dataset = new DatasetRef(rs.getString("dataset_id"), rs.getString("dataset_name"),
                SqlValues.nullableLong(rs, "dataset_size"), rs.getString("dataset_source"), rs.getString("dataset_split"));
        boolean noDataset = dataset.equals(new DatasetRef(null, null, null, null, null));
        NewTrainingRun spec = new NewTrainingRun(rs.getString("agent_id"), rs.getString("name"),
                rs.getString("base_model"), TrainingType.fromWire(rs.getString("training_type")),
                hyperparameters(rs.getString("hyperparameters")), noDataset ? null : dataset,
                SqlValues.nullableLong(rs, "total_steps"), tags(rs.getString("tags")));
        RunError error = rs.getString("error_type") == null && rs.getString("error_message") == null
                && rs.getString("error_traceback") == null ? null
                : new RunError(rs.getString("error_type"), rs.getString("error_message"), rs.getString("error_traceback"));
        RunResources resources = new RunResources(SqlValues.nullableDouble(rs, "gpu_hours"),
                SqlValues.nullableDouble(rs, "peak_memory_gb"), SqlValues.money(rs, "cost_usd"),
                SqlValues.nullableLong(rs, "tokens_processed"));
        return new TrainingRun(rs.getString("id"), spec, TrainingRunStatus.fromWire(rs.getString("status")), error,
                resources, rs.getLong("point_count"), SqlValues.nullableLong(rs, "last_step"),
                SqlValues.instant(rs, "last_logged_at"), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "started_at"), SqlValues.instant(rs, "ended_at"));
    }
}
