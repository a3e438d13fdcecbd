package dev.sextant.store.jdbc.internal;

import dev.sextant.model.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB: a write's spans as rows of the real {@code spans} table (the stage columns with
 * {@code duration_ms} after {@code ended_at}, as in V1), for appending them straight in when
 * they are all new. duration_ms is what the upsert computes: whole milliseconds between the
 * stored (microsecond) times, truncated toward zero like DuckDB's {@code //}.
 */
final class NewSpanRows {
    private static final int ENDED_AT = indexOf("ended_at");
    private static final int ATTRIBUTES = indexOf("attributes");

    private NewSpanRows() {}

    /**
     * The rows, or null when an attribute text is not valid JSON in Java's eyes: such a write
     * takes the staged path, whose cast to JSON decides (and fails the write) as before.
     */
    static List<Object[]> of(MergedBatch merged) {
        List<Object[]> rows = new ArrayList<>(merged.spans.size());
        for (var e : merged.spans.entrySet()) {
            Span span = e.getValue();
            Object[] stage = TrackingRows.span(e.getKey().workspace(), span);
            if (stage[ATTRIBUTES] != null && !JsonCodec.isValid((String) stage[ATTRIBUTES])) {
                return null;
            }
            Object[] row = new Object[stage.length + 1];
            System.arraycopy(stage, 0, row, 0, ENDED_AT + 1);
            row[ENDED_AT + 1] = durationMs(span.startedAt(), span.endedAt());
            System.arraycopy(stage, ENDED_AT + 1, row, ENDED_AT + 2, stage.length - ENDED_AT - 1);
            rows.add(row);
        }
        return rows;
    }

    private static Long durationMs(Instant start, Instant end) {
        return start == null || end == null ? null : (micros(end) - micros(start)) / 1000;
    }

    /** As the Appender stores an instant: microseconds, the nanoseconds below them dropped. */
    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static int indexOf(String column) {
        List<Column> columns = StageTables.SPANS.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("stage_spans has no column " + column);
    }
}
