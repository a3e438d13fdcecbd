package dev.sextant.store.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB: the two statements that move {@code stage_trace_deltas} into traces, so that no write
 * ever reads a trace's other spans (the cost is the batch's, not the table's):
 * <ul>
 * <li>{@link #insertNew}: traces not stored yet are inserted with their roll-ups as staged
 *     (computed in Java from this write's spans) and their keys returned;</li>
 * <li>{@link #mergeStored}: the stored ones (staged again, alone) merge their record fields like
 *     {@link UpsertSql} and ADD the staged roll-up changes.</li>
 * </ul>
 * Two statements because an upsert's {@code EXCLUDED} row is also the row it would insert: a
 * new trace needs a settled start, a stored one needs to know whether a start was sent at all.
 *
 * <p>Start of a stored trace: a sent start wins; a placeholder (no record staged, none stored)
 * moves to an earlier span start; otherwise the stored start stays, so a later copy without a
 * start never moves it.
 */
final class TraceDeltaSql {
    private TraceDeltaSql() {}

    static String insertNew(Dialect dialect) {
        return statement(dialect, false) + " ON CONFLICT DO NOTHING RETURNING workspace_id, id";
    }

    static String mergeStored(Dialect dialect) {
        return statement(dialect, true);
    }

    private static String statement(Dialect dialect, boolean merge) {
        List<String> columns = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        for (Column c : StageTables.TRACES.columns()) {
            columns.add(c.name());
            selected.add(UpsertSql.selected(dialect, c));
            if (!c.key() && !c.name().equals("started_at")) {
                updates.add(c.name() + " = " + UpsertSql.merged(c));
            }
        }
        String start = "CASE WHEN EXCLUDED.placeholder THEN"
                + " (CASE WHEN t.placeholder AND EXCLUDED.started_at IS NOT NULL"
                + " AND (t.started_at IS NULL OR EXCLUDED.started_at < t.started_at)"
                + " THEN EXCLUDED.started_at ELSE t.started_at END)"
                + " ELSE COALESCE(EXCLUDED.started_at, t.started_at) END";
        updates.add("started_at = " + start);
        columns.add("duration_ms");
        selected.add(dialect.millisBetween("s.started_at", "s.ended_at"));
        updates.add("duration_ms = " + dialect.millisBetween(start, "COALESCE(EXCLUDED.ended_at, t.ended_at)"));
        columns.add("placeholder");
        selected.add("s.placeholder");
        updates.add("placeholder = t.placeholder AND EXCLUDED.placeholder");
        for (String counter : List.of("span_count", "llm_usage_spans")) {
            columns.add(counter);
            selected.add("s." + counter);
            updates.add(counter + " = t." + counter + " + EXCLUDED." + counter);
        }
        for (String sum : StageTables.ROLLUP_SUMS) {
            for (String part : List.of("llm_" + sum, "all_" + sum)) {
                columns.add(part);
                selected.add("s." + part);
                updates.add(part + " = t." + part + " + EXCLUDED." + part);
            }
            columns.add(sum);
            selected.add("CASE WHEN s.llm_usage_spans > 0 THEN s.llm_" + sum + " ELSE s.all_" + sum + " END");
            updates.add(sum + " = CASE WHEN t.llm_usage_spans + EXCLUDED.llm_usage_spans > 0"
                    + " THEN t.llm_" + sum + " + EXCLUDED.llm_" + sum
                    + " ELSE t.all_" + sum + " + EXCLUDED.all_" + sum + " END");
        }
        String insert = "INSERT INTO traces AS t (" + String.join(", ", columns) + ")"
                + " SELECT " + String.join(", ", selected) + " FROM " + StageTables.TRACE_DELTAS.name() + " s";
        return merge ? insert + " ON CONFLICT (workspace_id, id) DO UPDATE SET " + String.join(", ", updates) : insert;
    }
}
