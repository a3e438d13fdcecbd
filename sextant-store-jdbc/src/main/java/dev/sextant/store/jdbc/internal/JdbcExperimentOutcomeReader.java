package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ExperimentOutcomeQuery;
import dev.sextant.store.ExperimentOutcomeReader;
import dev.sextant.store.ExperimentOutcomeTotals;
import dev.sextant.store.ExperimentUnitOutcome;
import dev.sextant.store.ExperimentUnitOutcome.Pre;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One SQL statement per read: the experiment's traces in the window grouped by (variant, unit),
 * their {@code user_rating} scores summed per trace first (so a trace with two ratings is not
 * counted twice), and a left join to the same units' traces in the pre-period. Rows are streamed
 * (see {@link Database#readStreamed}); two small queries count the traces without a unit or
 * variant and the units seen in several variants. The unit column comes from an enum, never from user text.
 */
final class JdbcExperimentOutcomeReader implements ExperimentOutcomeReader {
    private static final String RATINGS = "SELECT sc.trace_id, SUM(sc.value) AS rs, COUNT(*) AS rn FROM scores sc"
            + " WHERE sc.workspace_id = ? AND sc.name = 'user_rating' AND sc.value IS NOT NULL";
    private static final String OUTCOMES = "SUM(CASE WHEN x.status = 'error' THEN 0 ELSE 1 END) AS ok,"
            + " SUM(x.duration_ms) AS dur, COUNT(x.duration_ms) AS dur_n, SUM(x.cost_usd) AS cost,"
            + " SUM(r.rs) AS rs, SUM(r.rn) AS rn";

    private final Database database;

    JdbcExperimentOutcomeReader(Database database) {
        this.database = database;
    }

    @Override
    public ExperimentOutcomeTotals read(WorkspaceId workspace, ExperimentOutcomeQuery query,
            Consumer<ExperimentUnitOutcome> rows) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(rows, "rows");
        String unit = switch (query.unit()) {
            case USER_ID -> "user_id";
            case SESSION_ID -> "session_id";
            case CONVERSATION_ID -> "conversation_id";
        };
        String ws = workspace.value();
        String window = "t.workspace_id = ? AND t.experiment_id = ? AND t.started_at >= ? AND t.started_at < ?";
        List<Object> windowValues = List.of(ws, query.experimentId(), query.from(), query.to());
        String sql = "WITH x AS (SELECT t.id, t.variant_id AS v, t." + unit + " AS u, t.started_at, t.status,"
                + " t.handoff_triggered, t.duration_ms, t.cost_usd FROM traces t WHERE " + window
                + " AND t." + unit + " IS NOT NULL AND t.variant_id IS NOT NULL),"
                + " r AS (" + RATINGS + " AND sc.trace_id IN (SELECT id FROM x) GROUP BY sc.trace_id),"
                + " agg AS (SELECT x.v, x.u, MIN(x.started_at) AS first_at, COUNT(*) AS n,"
                + " SUM(CASE WHEN x.status = 'error' THEN 1 ELSE 0 END) AS err,"
                + " SUM(CASE WHEN x.handoff_triggered THEN 1 ELSE 0 END) AS ho, " + OUTCOMES
                + " FROM x LEFT JOIN r ON r.trace_id = x.id GROUP BY x.v, x.u),"
                + " px AS (SELECT t.id, t." + unit + " AS u, t.status, t.duration_ms, t.cost_usd FROM traces t"
                + " WHERE t.workspace_id = ? AND t.started_at >= ? AND t.started_at < ?"
                + " AND t." + unit + " IN (SELECT DISTINCT u FROM agg)),"
                + " pr AS (" + RATINGS + " AND sc.trace_id IN (SELECT id FROM px) GROUP BY sc.trace_id),"
                + " pre AS (SELECT x.u, COUNT(*) AS n, " + OUTCOMES
                + " FROM px x LEFT JOIN pr r ON r.trace_id = x.id GROUP BY x.u)"
                + " SELECT agg.*, pre.n AS pre_n, pre.ok AS pre_ok, pre.dur AS pre_dur, pre.dur_n AS pre_dur_n,"
                + " pre.cost AS pre_cost, pre.rs AS pre_rs, pre.rn AS pre_rn FROM agg LEFT JOIN pre ON pre.u = agg.u"
                + " ORDER BY " + database.dialect().byteOrder("agg.v") + ", " + database.dialect().byteOrder("agg.u");
        List<Object> values = new ArrayList<>(windowValues);
        values.add(ws);
        values.addAll(List.of(ws, query.preFrom(), query.from(), ws));
        long streamed = database.readStreamed("reading the outcomes of experiment " + query.experimentId(),
                c -> stream(c, sql, values, rows));
        String countSql = "SELECT SUM(CASE WHEN t." + unit + " IS NULL THEN 1 ELSE 0 END) AS no_unit,"
                + " SUM(CASE WHEN t." + unit + " IS NOT NULL AND t.variant_id IS NULL THEN 1 ELSE 0 END) AS no_variant"
                + " FROM traces t WHERE " + window;
        String splitSql = "SELECT COUNT(*) AS n FROM (SELECT t." + unit + " FROM traces t WHERE " + window
                + " AND t." + unit + " IS NOT NULL AND t.variant_id IS NOT NULL GROUP BY t." + unit
                + " HAVING COUNT(DISTINCT t.variant_id) > 1) s";
        return database.read("counting unattributed traces of experiment " + query.experimentId(), c -> {
            long noUnit;
            long noVariant;
            try (PreparedStatement count = SqlValues.prepare(c, windowValues, countSql);
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                noUnit = rs.getLong("no_unit");
                noVariant = rs.getLong("no_variant");
            }
            try (PreparedStatement split = SqlValues.prepare(c, windowValues, splitSql);
                    ResultSet rs = split.executeQuery()) {
                rs.next();
                return new ExperimentOutcomeTotals(streamed, noUnit, noVariant, rs.getLong("n"));
            }
        });
    }

    private static long stream(Connection c, String sql, List<Object> values, Consumer<ExperimentUnitOutcome> rows)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            SqlValues.bind(select, values);
            select.setFetchSize(JdbcExportReader.FETCH_SIZE);
            long n = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Pre pre = new Pre(rs.getLong("pre_n"), rs.getLong("pre_ok"), rs.getLong("pre_dur"),
                            rs.getLong("pre_dur_n"), money(rs, "pre_cost"), sum(rs, "pre_rs"), rs.getLong("pre_rn"));
                    rows.accept(new ExperimentUnitOutcome(rs.getString("v"), rs.getString("u"),
                            SqlValues.instant(rs, "first_at"), rs.getLong("n"), rs.getLong("ok"), rs.getLong("err"),
                            rs.getLong("ho"), rs.getLong("dur"), rs.getLong("dur_n"), money(rs, "cost"),
                            sum(rs, "rs"), rs.getLong("rn"), pre));
                    n++;
                }
            }
            return n;
        }
    }

    /** A SUM over no rows is NULL; DuckDB's driver reads it as NaN, PostgreSQL's as 0. Both mean 0 here. */
    private static double sum(ResultSet rs, String column) throws SQLException {
        Double value = SqlValues.nullableDouble(rs, column);
        return value == null || value.isNaN() ? 0 : value;
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = SqlValues.money(rs, column);
        return value == null ? BigDecimal.ZERO.setScale(9) : value;
    }
}
