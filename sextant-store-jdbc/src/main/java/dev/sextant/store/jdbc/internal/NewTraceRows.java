package dev.sextant.store.jdbc.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DuckDB: new traces as rows of the real {@code traces} table, in its stored column order, for
 * appending them straight in when none is stored yet. Each row is what
 * {@link TraceDeltaSql#insertNew} would insert from the same staged delta row: the record and
 * roll-up columns as staged, {@code duration_ms} in whole milliseconds between the stored
 * (microsecond) times truncated toward zero like DuckDB's {@code //}, and each displayed sum the
 * LLM one when the trace has an LLM span with usage, else the sum of every span.
 */
final class NewTraceRows {
    private static final Map<String, Integer> DELTA = indexes(StageTables.TRACE_DELTAS.columns());
    private static final int LLM_USAGE_SPANS = DELTA.get("llm_usage_spans");
    private static final int STARTED_AT = DELTA.get("started_at");
    private static final int ENDED_AT = DELTA.get("ended_at");

    private NewTraceRows() {}

    /**
     * The rows for a table with these columns (in order), from staged delta rows; null when a JSON
     * text is not valid in Java's eyes (the insert's cast then decides, as before).
     */
    static List<Object[]> of(List<String> tableColumns, List<Object[]> deltaRows) {
        List<Object[]> rows = new ArrayList<>(deltaRows.size());
        for (Object[] delta : deltaRows) {
            Object[] row = new Object[tableColumns.size()];
            for (int i = 0; i < row.length; i++) {
                String column = tableColumns.get(i);
                Integer at = DELTA.get(column);
                if (at != null) {
                    row[i] = delta[at];
                } else if (column.equals("duration_ms")) {
                    row[i] = durationMs((OffsetDateTime) delta[STARTED_AT], (OffsetDateTime) delta[ENDED_AT]);
                } else if (StageTables.ROLLUP_SUMS.contains(column)) {
                    boolean llm = (Long) delta[LLM_USAGE_SPANS] > 0;
                    row[i] = delta[DELTA.get((llm ? "llm_" : "all_") + column)];
                } else {
                    throw new IllegalStateException("traces has a column " + column
                            + " that the optimistic trace append does not know: add it to NewTraceRows");
                }
            }
            for (Column c : StageTables.TRACES.columns()) {
                Object json = delta[DELTA.get(c.name())];
                if (c.type() == ColumnType.JSON && json != null && !JsonCodec.isValid((String) json)) {
                    return null;
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static Long durationMs(OffsetDateTime start, OffsetDateTime end) {
        return start == null || end == null
                ? null : (AppenderStageLoader.epochMicros(end) - AppenderStageLoader.epochMicros(start)) / 1000;
    }

    private static Map<String, Integer> indexes(List<Column> columns) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            at.put(columns.get(i).name(), i);
        }
        return at;
    }
}
