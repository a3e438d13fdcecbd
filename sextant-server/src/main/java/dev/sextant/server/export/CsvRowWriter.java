package dev.sextant.server.export;

import dev.sextant.store.ExportColumn;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break),
 * UTF-8, a header row of the column names. Times are RFC 3339 in UTC, JSON columns their JSON
 * text, null an empty field.
 */
final class CsvRowWriter implements RowWriter {
    private final CSVPrinter printer;

    CsvRowWriter(OutputStream out) {
        try {
            printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                    CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void columns(List<ExportColumn> columns) {
        try {
            printer.printRecord(columns.stream().map(ExportColumn::name).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the CSV header failed", e);
        }
    }

    @Override
    public void row(Object[] values) {
        try {
            for (Object value : values) {
                printer.print(text(value));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a CSV row failed", e);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString(); // Instant prints RFC 3339 UTC; Long, Double, Boolean as Java prints them
    }

    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("finishing the CSV file failed", e);
        }
    }
}
