package dev.sextant.store.jdbc.internal;

import dev.sextant.store.ExportColumn;
import dev.sextant.store.ExportColumn.Type;
import dev.sextant.store.ExportEntity;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The exported columns of each table, in file order, and how one row of them is read. */
final class ExportColumns {
    private final List<ExportColumn> columns;
    private final String alias;

    private ExportColumns(String alias, List<ExportColumn> columns) {
        this.alias = alias;
        this.columns = List.copyOf(columns);
    }

    static ExportColumns of(ExportEntity entity) {
        return switch (entity) {
            case TRACES -> new ExportColumns("t", cols(
                    "id", Type.TEXT, "agent_id", Type.TEXT, "session_id", Type.TEXT, "conversation_id", Type.TEXT,
                    "user_id", Type.TEXT, "name", Type.TEXT, "input", Type.TEXT, "output", Type.TEXT,
                    "status", Type.TEXT, "error", Type.TEXT, "started_at", Type.TIME, "ended_at", Type.TIME,
                    "duration_ms", Type.INTEGER, "message_type", Type.TEXT, "intents", Type.JSON,
                    "confidence", Type.NUMBER, "handoff_triggered", Type.BOOLEAN, "handoff_reason", Type.TEXT,
                    "handoff_target", Type.TEXT, "context_size", Type.INTEGER, "config_version", Type.TEXT,
                    "experiment_id", Type.TEXT, "variant_id", Type.TEXT, "tags", Type.JSON, "metadata", Type.JSON,
                    "span_count", Type.INTEGER, "input_tokens", Type.INTEGER, "output_tokens", Type.INTEGER,
                    "cache_read_tokens", Type.INTEGER, "cache_write_tokens", Type.INTEGER,
                    "reasoning_tokens", Type.INTEGER, "cost_usd", Type.MONEY));
            case SPANS -> new ExportColumns("s", cols(
                    "id", Type.TEXT, "trace_id", Type.TEXT, "parent_id", Type.TEXT, "kind", Type.TEXT,
                    "name", Type.TEXT, "status", Type.TEXT, "error", Type.TEXT, "started_at", Type.TIME,
                    "ended_at", Type.TIME, "duration_ms", Type.INTEGER, "model", Type.TEXT, "provider", Type.TEXT,
                    "input_tokens", Type.INTEGER, "output_tokens", Type.INTEGER, "cache_read_tokens", Type.INTEGER,
                    "cache_write_tokens", Type.INTEGER, "reasoning_tokens", Type.INTEGER,
                    "usage_estimated", Type.BOOLEAN, "cost_usd", Type.MONEY, "cost_source", Type.TEXT,
                    "tool_name", Type.TEXT, "decision_point", Type.TEXT, "decision_chosen", Type.TEXT,
                    "decision_alternatives", Type.JSON, "decision_reasoning", Type.TEXT, "confidence", Type.NUMBER,
                    "handoff_triggered", Type.BOOLEAN, "handoff_reason", Type.TEXT, "handoff_target", Type.TEXT,
                    "attributes", Type.JSON, "input", Type.TEXT, "output", Type.TEXT));
            case SCORES -> new ExportColumns("c", cols(
                    "id", Type.TEXT, "trace_id", Type.TEXT, "span_id", Type.TEXT, "name", Type.TEXT,
                    "value", Type.NUMBER, "string_value", Type.TEXT, "comment", Type.TEXT, "source", Type.TEXT,
                    "user_id", Type.TEXT, "created_at", Type.TIME));
        };
    }

    private static List<ExportColumn> cols(Object... pairs) {
        List<ExportColumn> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new ExportColumn((String) pairs[i], (Type) pairs[i + 1]));
        }
        return out;
    }

    List<ExportColumn> columns() {
        return columns;
    }

    /** The select list, every column qualified by the table's alias. */
    String selectList() {
        return columns.stream().map(c -> alias + "." + c.name()).collect(Collectors.joining(", "));
    }

    Object[] read(ResultSet rs) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            int at = i + 1;
            values[i] = switch (columns.get(i).type()) {
                case TEXT, JSON -> rs.getString(at);
                case INTEGER -> orNull(rs, rs.getLong(at));
                case NUMBER -> orNull(rs, rs.getDouble(at));
                case BOOLEAN -> orNull(rs, rs.getBoolean(at));
                case MONEY -> {
                    BigDecimal v = rs.getBigDecimal(at);
                    yield v == null ? null : v.setScale(9);
                }
                case TIME -> {
                    OffsetDateTime v = rs.getObject(at, OffsetDateTime.class);
                    yield v == null ? null : v.toInstant();
                }
            };
        }
        return values;
    }

    private static Object orNull(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }
}
