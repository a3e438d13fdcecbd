package dev.sextant.server.export;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats an export is written in. */
enum ExportFormat {
    CSV("text/csv; charset=UTF-8"),
    JSONL("application/x-ndjson"),
    /** Written by the store itself (embedded DuckDB only), not row by row here. */
    PARQUET("application/vnd.apache.parquet");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    String contentType() {
        return contentType;
    }

    RowWriter open(OutputStream out) {
        if (this == PARQUET) {
            throw new IllegalStateException("Parquet is written by the store");
        }
        return this == CSV ? new CsvRowWriter(out) : new JsonLinesRowWriter(out);
    }

    static Optional<ExportFormat> fromWire(String wire) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(wire)).findFirst();
    }

    static String wireNames() {
        return Arrays.stream(values()).map(ExportFormat::wire).collect(Collectors.joining(", "));
    }
}
