package dev.sextant.analytics.datasets;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.databind.JsonNode;

/**
 * Reads a dataset from a stream, line by line, into a {@link DatasetAnalyzer}, and answers its
 * report. The format is given or detected: a first non-blank character {@code {} means JSON
 * Lines, whose first object with known keys names the format ({@code messages}: chat;
 * {@code prompt}/{@code completion}: prompt_completion; {@code text}/{@code label}: text_label);
 * anything else is CSV. Blank lines are skipped; a line that is not a record is reported as
 * malformed with its number and reason, and reading goes on. The stream's own failures (an I/O
 * error, a size limit) propagate.
 */
public final class DatasetReader {
    /** Told after every line how far the reading is; called on the reading thread. */
    @FunctionalInterface
    public interface Progress {
        void read(long bytes, long lines);
    }

    private final DatasetSettings settings;

    public DatasetReader(DatasetSettings settings) {
        this.settings = settings;
    }

    public DatasetReport read(InputStream in, DatasetFormat given, Progress progress) throws IOException {
        return read(in, given, false, progress);
    }

    /**
     * As {@link #read(InputStream, DatasetFormat, Progress)}; {@code jsonLines} says the content is
     * JSON Lines whatever its first character (a JSON Lines media type), so it is never taken for CSV.
     */
    public DatasetReport read(InputStream in, DatasetFormat given, boolean jsonLines, Progress progress) throws IOException {
        if (jsonLines && given == DatasetFormat.CSV) {
            throw new IllegalArgumentException("CSV content cannot be read as JSON Lines");
        }
        LineReader lines = new LineReader(in, settings.maxLineBytes());
        DatasetAnalyzer analyzer = new DatasetAnalyzer(settings);
        DatasetFormat format = given;
        jsonLines |= given != null && given.jsonLines();
        boolean decided = given != null || jsonLines;
        CsvLines csv = new CsvLines();
        StringBuilder pending = null;
        long pendingLine = 0;
        for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
            progress.read(lines.bytesRead(), lines.linesRead());
            if (line.tooLong()) {
                if (pending != null) {
                    analyzer.malformed(pendingLine, "a quoted CSV field is not closed before line " + line.number());
                    pending = null;
                }
                analyzer.malformed(line.number(), "longer than " + settings.maxLineBytes() + " bytes (" + line.bytes() + ")");
                continue;
            }
            String text = line.text();
            if (pending == null && text.isBlank()) {
                continue;
            }
            if (!decided) {
                jsonLines = text.stripLeading().startsWith("{");
                format = jsonLines ? null : DatasetFormat.CSV;
                decided = true;
            }
            if (jsonLines) {
                try {
                    JsonNode o = JsonLines.parse(text);
                    if (format == null) {
                        format = JsonLines.shape(o);
                    }
                    analyzer.accept(JsonLines.record(line.number(), o, format), format, text);
                } catch (JsonLines.NotARecord e) {
                    analyzer.malformed(line.number(), e.getMessage());
                }
                continue;
            }
            // CSV: a record may span lines while a quoted field is open
            if (pending == null) {
                pending = new StringBuilder(text);
                pendingLine = line.number();
            } else {
                pending.append('\n').append(text);
            }
            if (!CsvLines.complete(pending)) {
                if (pending.length() > settings.maxLineBytes()) {
                    analyzer.malformed(pendingLine, "a quoted CSV field is not closed within " + settings.maxLineBytes() + " bytes");
                    pending = null;
                }
                continue;
            }
            String record = pending.toString();
            pending = null;
            if (!csv.hasHeader()) {
                String problem = csv.header(record);
                if (problem != null) {
                    analyzer.malformed(pendingLine, "the header " + problem);
                }
                continue;
            }
            try {
                analyzer.accept(csv.record(pendingLine, record), DatasetFormat.CSV, record);
            } catch (JsonLines.NotARecord e) {
                analyzer.malformed(pendingLine, e.getMessage());
            }
        }
        if (pending != null) {
            analyzer.malformed(pendingLine, "a quoted CSV field is not closed at the end of the file");
        }
        return analyzer.report(format, given == null && format != null, lines.bytesRead(), lines.linesRead());
    }
}
