package dev.sextant.server.export;

import dev.sextant.store.ExportColumn;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one JSON object per row, each ended by a newline, written by Jackson's streaming
 * generator. JSON columns are embedded as JSON (not as strings), times as RFC 3339 strings,
 * money as exact decimals, null as null.
 */
final class JsonLinesRowWriter implements RowWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonGenerator out;
    private List<ExportColumn> columns;

    JsonLinesRowWriter(OutputStream stream) {
        this.out = JSON.writer().withRootValueSeparator((String) null).createGenerator(stream);
    }

    @Override
    public void columns(List<ExportColumn> columns) {
        this.columns = columns;
    }

    @Override
    public void row(Object[] values) {
        try {
            out.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                ExportColumn column = columns.get(i);
                out.writeName(column.name());
                write(column, values[i]);
            }
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (JacksonException e) {
            throw io(e);
        }
    }

    private void write(ExportColumn column, Object value) {
        switch (value) {
            case null -> out.writeNull();
            case String s when column.type() == ExportColumn.Type.JSON -> out.writeRawValue(s);
            case String s -> out.writeString(s);
            case Long l -> out.writeNumber(l);
            case Double d -> out.writeNumber(d);
            case BigDecimal d -> out.writeNumber(d);
            case Boolean b -> out.writeBoolean(b);
            case Instant t -> out.writeString(t.toString());
            default -> throw new IllegalStateException(
                    "column " + column.name() + " has a value of unexpected type " + value.getClass().getName());
        }
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (JacksonException e) {
            throw io(e);
        }
    }

    private static UncheckedIOException io(JacksonException e) {
        return new UncheckedIOException("writing JSON Lines failed: " + e.getMessage(),
                e.getCause() instanceof java.io.IOException io ? io : new java.io.IOException(e));
    }
}
