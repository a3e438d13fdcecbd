package dev.sextant.store.jdbc.internal;

import static dev.sextant.store.jdbc.internal.Column.grouped;
import static dev.sextant.store.jdbc.internal.Column.key;
import static dev.sextant.store.jdbc.internal.Column.of;
import static dev.sextant.store.jdbc.internal.ColumnType.BIGINT;
import static dev.sextant.store.jdbc.internal.ColumnType.BOOL;
import static dev.sextant.store.jdbc.internal.ColumnType.FLOAT;
import static dev.sextant.store.jdbc.internal.ColumnType.INT;
import static dev.sextant.store.jdbc.internal.ColumnType.JSON;
import static dev.sextant.store.jdbc.internal.ColumnType.MONEY;
import static dev.sextant.store.jdbc.internal.ColumnType.TEXT;
import static dev.sextant.store.jdbc.internal.ColumnType.TIME;

import java.util.ArrayList;
import java.util.List;

/**
 * The stage tables of a tracking write. Column order here is the order {@link TrackingRows}
 * fills; names match the real tables (see V1__tracking_schema.sql).
 */
final class StageTables {
    private StageTables() {}

    static final StageTable TRACES = new StageTable("stage_traces", List.of(
            key("workspace_id"), key("id"),
            of("agent_id", TEXT), of("session_id", TEXT), of("conversation_id", TEXT), of("user_id", TEXT),
            of("name", TEXT), of("input", TEXT), of("output", TEXT), of("status", TEXT), of("error", TEXT),
            of("started_at", TIME), of("ended_at", TIME), of("message_type", TEXT), of("intents", JSON),
            of("confidence", FLOAT),
            grouped("handoff_triggered", BOOL, "handoff_triggered"),
            grouped("handoff_reason", TEXT, "handoff_triggered"),
            grouped("handoff_target", TEXT, "handoff_triggered"),
            of("context_size", INT), of("config_version", TEXT), of("experiment_id", TEXT),
            of("variant_id", TEXT), of("tags", JSON), of("metadata", JSON)));

    static final StageTable SPANS = new StageTable("stage_spans", List.of(
            key("workspace_id"), key("id"),
            of("trace_id", TEXT), of("parent_id", TEXT), of("kind", TEXT), of("name", TEXT),
            of("status", TEXT), of("error", TEXT), of("started_at", TIME), of("ended_at", TIME),
            of("model", TEXT), of("provider", TEXT),
            grouped("input_tokens", BIGINT, "input_tokens"),
            grouped("output_tokens", BIGINT, "input_tokens"),
            grouped("cache_read_tokens", BIGINT, "input_tokens"),
            grouped("cache_write_tokens", BIGINT, "input_tokens"),
            grouped("reasoning_tokens", BIGINT, "input_tokens"),
            grouped("usage_estimated", BOOL, "input_tokens"),
            grouped("cost_usd", MONEY, "cost_usd"),
            grouped("cost_source", TEXT, "cost_usd"),
            of("tool_name", TEXT),
            grouped("decision_point", TEXT, "decision_alternatives"),
            grouped("decision_chosen", TEXT, "decision_alternatives"),
            grouped("decision_alternatives", JSON, "decision_alternatives"),
            grouped("decision_reasoning", TEXT, "decision_alternatives"),
            of("confidence", FLOAT),
            grouped("handoff_triggered", BOOL, "handoff_triggered"),
            grouped("handoff_reason", TEXT, "handoff_triggered"),
            grouped("handoff_target", TEXT, "handoff_triggered"),
            of("attributes", JSON), of("input", TEXT), of("output", TEXT)));

    static final StageTable SCORES = new StageTable("stage_scores", List.of(
            key("workspace_id"), key("id"),
            of("trace_id", TEXT), of("span_id", TEXT), of("name", TEXT), of("value", FLOAT),
            of("string_value", TEXT), of("comment", TEXT), of("source", TEXT), of("user_id", TEXT),
            of("created_at", TIME)));

    static final StageTable SESSIONS = new StageTable("stage_sessions", List.of(
            key("workspace_id"), key("id"),
            of("user_id", TEXT), of("agent_id", TEXT), of("context", JSON),
            of("started_at", TIME), of("ended_at", TIME)));

    /** Traces whose roll-ups a write must refresh. */
    static final StageTable TOUCHED = new StageTable("stage_touched", List.of(
            key("workspace_id"), key("trace_id")));

    /** New costs of stored spans (price recalculation). */
    static final StageTable COSTS = new StageTable("stage_costs", List.of(
            key("workspace_id"), key("id"), of("cost_usd", MONEY), of("cost_source", TEXT)));

    /** The parts of a trace's roll-up that are summed, in {@link RollupDelta} order; cost last. */
    static final List<String> ROLLUP_SUMS = List.of(
            "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens", "cost_usd");

    /**
     * DuckDB: every trace a write touches, with its record's fields (null when only spans named
     * it) and the change of its roll-ups ({@link RollupDelta}); see {@link TraceDeltaSql}.
     */
    static final StageTable TRACE_DELTAS = new StageTable("stage_trace_deltas", traceDeltaColumns());

    /** DuckDB: the keys of re-sent spans (already stored before this write). */
    static final StageTable SPAN_KEYS = new StageTable("stage_span_keys", List.of(key("workspace_id"), key("id")));

    static final List<StageTable> ALL = List.of(TRACES, SPANS, SCORES, SESSIONS, TOUCHED, COSTS, TRACE_DELTAS,
            SPAN_KEYS);

    private static List<Column> traceDeltaColumns() {
        List<Column> columns = new ArrayList<>(TRACES.columns());
        columns.add(of("placeholder", BOOL));
        columns.add(of("span_count", BIGINT));
        columns.add(of("llm_usage_spans", BIGINT));
        for (String prefix : List.of("llm_", "all_")) {
            for (String sum : ROLLUP_SUMS) {
                columns.add(of(prefix + sum, sum.equals("cost_usd") ? MONEY : BIGINT));
            }
        }
        return columns;
    }
}
