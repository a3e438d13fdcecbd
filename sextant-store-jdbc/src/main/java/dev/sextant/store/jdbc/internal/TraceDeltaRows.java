package dev.sextant.store.jdbc.internal;

import dev.sextant.model.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The traces one write touches, each with its record (if the write carries one) and its
 * {@link RollupDelta}, as rows of {@code stage_trace_deltas}.
 */
final class TraceDeltaRows {
    private final Map<MergedBatch.Key, RollupDelta> deltas = new LinkedHashMap<>();
    private final Map<MergedBatch.Key, Trace> records;

    TraceDeltaRows(Map<MergedBatch.Key, Trace> records) {
        this.records = records;
        records.keySet().forEach(this::of);
    }

    /** The delta of this workspace's trace; null trace id: a span outside any trace, none. */
    RollupDelta of(String workspace, String traceId) {
        return traceId == null ? null : of(new MergedBatch.Key(workspace, traceId));
    }

    private RollupDelta of(MergedBatch.Key trace) {
        return deltas.computeIfAbsent(trace, k -> new RollupDelta());
    }

    void add(String workspace, SpanFacts span) {
        RollupDelta delta = of(workspace, span.traceId());
        if (delta != null) {
            delta.add(span);
        }
    }

    void remove(String workspace, SpanFacts span) {
        RollupDelta delta = of(workspace, span.traceId());
        if (delta != null) {
            delta.remove(span);
        }
    }

    boolean isEmpty() {
        return deltas.isEmpty();
    }

    Set<MergedBatch.Key> keys() {
        return deltas.keySet();
    }

    /**
     * Rows of the given traces. For insertion, started_at is settled (see {@link #insertStart});
     * for a merge it is the sent start, or for a trace without a record its earliest span's.
     */
    List<Object[]> rows(Collection<MergedBatch.Key> traces, boolean forInsert, Instant now) {
        int recordColumns = StageTables.TRACES.columns().size();
        List<Object[]> rows = new ArrayList<>(traces.size());
        for (MergedBatch.Key key : traces) {
            RollupDelta d = deltas.get(key);
            Trace record = records.get(key);
            Object[] row = Arrays.copyOf(record == null
                    ? new Object[] {key.workspace(), key.id()}
                    : TrackingRows.trace(key.workspace(), record), StageTables.TRACE_DELTAS.columns().size());
            Instant start = forInsert ? insertStart(record, d, now)
                    : record == null ? d.firstSpanStart : record.startedAt();
            row[STARTED_AT] = SqlValues.time(start);
            int i = recordColumns;
            row[i++] = record == null; // placeholder
            row[i++] = d.spanCount;
            row[i++] = d.llmUsageSpans;
            for (long[] tokens : List.of(d.llmTokens, d.allTokens)) {
                for (long t : tokens) {
                    row[i++] = t;
                }
                row[i++] = tokens == d.llmTokens ? d.llmCost : d.allCost;
            }
            rows.add(row);
        }
        return rows;
    }

    private static final int STARTED_AT = indexOf("started_at");

    /** The start a new trace gets: as sent, else its earliest span's, else now but never after its end. */
    private static Instant insertStart(Trace record, RollupDelta d, Instant now) {
        if (record != null && record.startedAt() != null) {
            return record.startedAt();
        }
        if (d.firstSpanStart != null) {
            return d.firstSpanStart;
        }
        Instant end = record == null ? null : record.endedAt();
        return end != null && end.isBefore(now) ? end : now;
    }

    private static int indexOf(String column) {
        List<Column> columns = StageTables.TRACES.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("stage_traces has no column " + column);
    }
}
