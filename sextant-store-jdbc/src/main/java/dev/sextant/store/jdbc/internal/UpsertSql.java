package dev.sextant.store.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The one statement that moves a stage table into its real table: insert new ids, merge known
 * ones. A field the newer copy leaves null keeps its stored value; grouped fields (see
 * {@link Column}) are taken or kept together. duration_ms follows the merged start and end.
 */
final class UpsertSql {
    private UpsertSql() {}

    /**
     * @param timed the table has started_at, ended_at and a derived duration_ms
     * @param clearsPlaceholder traces: the real record replaces a placeholder
     */
    static String build(Dialect dialect, StageTable stage, String target, boolean timed, boolean clearsPlaceholder) {
        List<String> insertColumns = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        for (Column c : stage.columns()) {
            insertColumns.add(c.name());
            selected.add(selected(dialect, c));
            if (c.key()) {
                continue;
            }
            updates.add(c.name() + " = " + merged(c));
        }
        if (timed) {
            insertColumns.add("duration_ms");
            selected.add(dialect.millisBetween("s.started_at", "s.ended_at"));
            updates.add("duration_ms = " + dialect.millisBetween(
                    "COALESCE(EXCLUDED.started_at, t.started_at)", "COALESCE(EXCLUDED.ended_at, t.ended_at)"));
        }
        if (clearsPlaceholder) {
            insertColumns.add("placeholder");
            selected.add("FALSE");
            updates.add("placeholder = FALSE");
        }
        return "INSERT INTO " + target + " AS t (" + String.join(", ", insertColumns) + ")"
                + " SELECT " + String.join(", ", selected) + " FROM " + stage.name() + " s"
                + " ON CONFLICT (workspace_id, id) DO UPDATE SET " + String.join(", ", updates);
    }

    /** The stored value ({@code t}) merged with the newer copy's ({@code EXCLUDED}). */
    static String merged(Column c) {
        return c.marker() == null
                ? "COALESCE(EXCLUDED." + c.name() + ", t." + c.name() + ")"
                : "CASE WHEN EXCLUDED." + c.marker() + " IS NULL THEN t." + c.name() + " ELSE EXCLUDED." + c.name() + " END";
    }

    /** The stage column as a value for the real table (JSON text cast to the JSON type). */
    static String selected(Dialect dialect, Column c) {
        return c.type() == ColumnType.JSON ? "CAST(s." + c.name() + " AS " + dialect.jsonType() + ")" : "s." + c.name();
    }

    /**
     * DuckDB: inserts the staged rows whose keys are not stored yet and returns their keys
     * ({@code workspace_id, id}); stored keys are left for {@link #build} to merge. The key
     * check uses the primary key index, so this costs about what a plain insert costs.
     */
    static String insertNew(Dialect dialect, StageTable stage, String target) {
        String insert = build(dialect, stage, target, true, false);
        return insert.substring(0, insert.indexOf(" ON CONFLICT")) + " ON CONFLICT DO NOTHING RETURNING workspace_id, id";
    }

    /** {@link #build}, limited to the staged rows whose keys are in {@code keys}. */
    static String buildFor(Dialect dialect, StageTable stage, String target, StageTable keys) {
        String upsert = build(dialect, stage, target, true, false);
        int at = upsert.indexOf(" ON CONFLICT");
        return upsert.substring(0, at) + " WHERE EXISTS (SELECT 1 FROM " + keys.name() + " k"
                + " WHERE k.workspace_id = s.workspace_id AND k.id = s.id)" + upsert.substring(at);
    }

    /** A span naming a trace we have not seen yet creates a placeholder for it. */
    static String placeholderTraces() {
        return "INSERT INTO traces (workspace_id, id, placeholder)"
                + " SELECT DISTINCT workspace_id, trace_id, TRUE FROM stage_spans WHERE trace_id IS NOT NULL"
                + " ON CONFLICT (workspace_id, id) DO NOTHING";
    }
}
