package dev.sextant.store;

import java.util.Objects;

/**
 * One column of an export. The row values a sink receives are, by type: TEXT and JSON a
 * {@link String} (JSON is the column's JSON text), INTEGER a {@link Long}, NUMBER a
 * {@link Double}, MONEY a {@link java.math.BigDecimal}, BOOLEAN a {@link Boolean}, TIME a
 * {@link java.time.Instant}; any of them may be null.
 */
public record ExportColumn(String name, Type type) {
    public enum Type { TEXT, JSON, INTEGER, NUMBER, MONEY, BOOLEAN, TIME }

    public ExportColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type of column " + name);
    }
}
