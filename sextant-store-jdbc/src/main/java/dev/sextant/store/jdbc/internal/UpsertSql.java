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
            selected.add(c.type() == ColumnType.JSON
                    ? "CAST(s." + c.name() + " AS " + dialect.jsonType() + ")"
                    : "s." + c.name());
            if (c.key()) {
                continue;
            }
            updates.add(c.name() + " = " + (c.marker() == null
                    ? "COALESCE(EXCLUDED." + c.name() + ", t." + c.name() + ")"
                    : "CASE WHEN EXCLUDED." + c.marker() + " IS NULL THEN t." + c.name()
                            + " ELSE EXCLUDED." + c.name() + " END"));
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

    /** A span naming a trace we have not seen yet creates a placeholder for it. */
    static String placeholderTraces() {
        return "INSERT INTO traces (workspace_id, id, placeholder)"
                + " SELECT DISTINCT workspace_id, trace_id, TRUE FROM stage_spans WHERE trace_id IS NOT NULL"
                + " ON CONFLICT (workspace_id, id) DO NOTHING";
    }
}
