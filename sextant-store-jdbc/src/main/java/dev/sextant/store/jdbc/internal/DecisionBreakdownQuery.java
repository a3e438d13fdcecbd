package dev.sextant.store.jdbc.internal;

import static dev.sextant.store.jdbc.internal.BehaviourSql.each;
import static dev.sextant.store.jdbc.internal.BehaviourSql.percentile;
import static dev.sextant.store.jdbc.internal.BehaviourSql.rate;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.DecisionAnalytics;
import dev.sextant.store.DecisionQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decisions in SQL over {@code d}, the decision spans of the selected traces with their trace's
 * outcome. Options are the distinct alternatives a decision lists plus what it chose
 * ({@code UNION} removes the repeat when the chosen one is listed too).
 */
final class DecisionBreakdownQuery {
    static final int BINS = 10;

    private final Database database;

    DecisionBreakdownQuery(Database database) {
        this.database = database;
    }

    private static String ctes(String where) {
        return "WITH sel AS (SELECT t.workspace_id, t.id, t.started_at, t.status,"
                + " COALESCE(t.handoff_triggered, FALSE) AS h FROM traces t WHERE " + where + "),"
                + " d AS (SELECT s.id, s.trace_id, s.decision_point AS point, s.decision_chosen AS chosen,"
                + " s.decision_alternatives AS alts, s.decision_reasoning AS reasoning, s.confidence,"
                + " COALESCE(s.started_at, sel.started_at) AS seen_at, sel.started_at AS trace_start, sel.status, sel.h"
                + " FROM spans s JOIN sel ON s.workspace_id = sel.workspace_id AND s.trace_id = sel.id"
                + " WHERE s.kind = 'decision'), " + BehaviourSql.feedbackCte();
    }

    DecisionAnalytics run(WorkspaceId workspace, DecisionQuery query) {
        Dialect dialect = database.dialect();
        InteractionFilter filter = new InteractionFilter(dialect, workspace, query.filter());
        String with = ctes(filter.where());
        List<Object> withThreshold = new ArrayList<>(filter.values());
        withThreshold.add(query.lowConfidenceThreshold());
        String points = with + " SELECT point, COUNT(*) AS n, COUNT(confidence) AS nc, AVG(confidence) AS mean,"
                + percentile(0.1, "confidence", "p10") + "," + percentile(0.5, "confidence", "p50") + ","
                + percentile(0.9, "confidence", "p90") + ", SUM(CASE WHEN confidence < ? THEN 1 ELSE 0 END) AS low,"
                + " MAX(MAX(trace_start)) OVER () AS newest FROM d GROUP BY point ORDER BY n DESC, "
                + dialect.byteOrder("point") + " NULLS LAST";
        String bin = "GREATEST(LEAST(CAST(FLOOR(confidence * " + BINS + ") AS INTEGER), " + (BINS - 1) + "), 0)";
        String histogram = with + " SELECT point, " + bin + " AS bin, COUNT(*) AS n FROM d"
                + " WHERE confidence IS NOT NULL GROUP BY point, " + bin;
        String options = with + ", opts AS (SELECT d.id, d.point, d.chosen, o.opt FROM d "
                + dialect.jsonArrayDistinctElements("d.alts", "o", "opt")
                + " UNION SELECT d.id, d.point, d.chosen, d.chosen FROM d WHERE d.chosen IS NOT NULL)"
                + " SELECT point, opt, COUNT(*) AS offered, SUM(CASE WHEN opt = chosen THEN 1 ELSE 0 END) AS chosen_n"
                + " FROM opts GROUP BY point, opt ORDER BY chosen_n DESC, offered DESC, " + dialect.byteOrder("opt");
        String examples = with + " SELECT point, trace_id, id, seen_at, chosen, confidence, reasoning FROM (SELECT d.*,"
                + " ROW_NUMBER() OVER (PARTITION BY point ORDER BY seen_at DESC NULLS LAST, " + dialect.byteOrder("id")
                + " DESC) AS rk FROM d WHERE confidence < ?) x WHERE rk <= " + query.examples() + " ORDER BY rk";
        String outcomes = with + " SELECT d.point, d.chosen, COUNT(*) AS n,"
                + " SUM(CASE WHEN d.status = 'error' THEN 1 ELSE 0 END) AS errors,"
                + " SUM(CASE WHEN d.h THEN 1 ELSE 0 END) AS handoffs," + BehaviourSql.feedbackSums()
                + " FROM d LEFT JOIN fb ON fb.trace_id = d.trace_id GROUP BY d.point, d.chosen"
                + " ORDER BY n DESC, " + dialect.byteOrder("d.chosen") + " NULLS LAST";
        return database.read("analysing decisions", c -> {
            Map<String, Builder> byPoint = new LinkedHashMap<>();
            Instant[] newest = new Instant[1];
            each(c, points, withThreshold, rs -> {
                Builder b = new Builder(rs.getString("point"), rs.getLong("n"), rs.getLong("low"));
                b.withConfidence = rs.getLong("nc");
                b.stats = new Double[] {SqlValues.nullableDouble(rs, "mean"), SqlValues.nullableDouble(rs, "p10"),
                        SqlValues.nullableDouble(rs, "p50"), SqlValues.nullableDouble(rs, "p90")};
                byPoint.put(b.point, b);
                newest[0] = SqlValues.instant(rs, "newest");
            });
            each(c, histogram, filter.values(), rs -> byPoint.get(rs.getString("point")).bins[rs.getInt("bin")] =
                    rs.getLong("n"));
            each(c, options, filter.values(), rs -> byPoint.get(rs.getString("point")).alternatives.add(
                    new DecisionAnalytics.Alternative(rs.getString("opt"), rs.getLong("chosen_n"), rs.getLong("offered"))));
            if (query.examples() > 0) {
                each(c, examples, withThreshold, rs -> byPoint.get(rs.getString("point")).recent.add(
                        new DecisionAnalytics.Example(rs.getString("trace_id"), rs.getString("id"),
                                SqlValues.instant(rs, "seen_at"), rs.getString("chosen"), rs.getDouble("confidence"),
                                rs.getString("reasoning"))));
            }
            each(c, outcomes, filter.values(), rs -> {
                long n = rs.getLong("n");
                long errors = rs.getLong("errors");
                long handoffs = rs.getLong("handoffs");
                byPoint.get(rs.getString("point")).outcomes.add(new DecisionAnalytics.ChosenOutcome(
                        rs.getString("chosen"), n, errors, rate(errors, n), handoffs, rate(handoffs, n),
                        BehaviourSql.feedback(rs)));
            });
            return new DecisionAnalytics(query.lowConfidenceThreshold(),
                    byPoint.values().stream().map(Builder::build).toList(), newest[0]);
        });
    }

    /** One point's parts as the queries deliver them. */
    private static final class Builder {
        final String point;
        final long decisions;
        final long low;
        long withConfidence;
        Double[] stats;
        final long[] bins = new long[BINS];
        final List<DecisionAnalytics.Alternative> alternatives = new ArrayList<>();
        final List<DecisionAnalytics.Example> recent = new ArrayList<>();
        final List<DecisionAnalytics.ChosenOutcome> outcomes = new ArrayList<>();

        Builder(String point, long decisions, long low) {
            this.point = point;
            this.decisions = decisions;
            this.low = low;
        }

        DecisionAnalytics.Point build() {
            return new DecisionAnalytics.Point(point, decisions,
                    new DecisionAnalytics.Confidence(withConfidence, stats[0], stats[1], stats[2], stats[3],
                            Arrays.stream(bins).boxed().toList()),
                    alternatives, new DecisionAnalytics.LowConfidence(low, recent), outcomes);
        }
    }
}
