package dev.sextant.ingest.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A metrics CSV, told apart by its header: <b>long</b> when it has {@code name} and
 * {@code value} columns ({@code step,name,value[,epoch,timestamp]}, one point a row), else
 * <b>wide</b>, as PyTorch Lightning's CSVLogger writes it ({@code step}, {@code epoch} and one
 * column per metric, a row filling only the metrics logged then). Each physical line is one
 * record (machine-written metric files do not quote line breaks); commons-csv reads the cells
 * of a line that has quotes.
 */
final class CsvMetricsReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final int MAX_COLUMNS = 10_000;

    void read(InputStream in, ImportCollector out) throws IOException {
        LineSource lines = new LineSource(in, out.limits().maxLineBytes());
        List<String> header = header(lines, out.limits().maxLineBytes());
        Layout layout = Layout.of(header, lines.number(), out);
        while (lines.nextContent(out)) {
            long line = lines.number();
            String[] cells;
            try {
                cells = cells(lines.text());
            } catch (CharacterCodingException e) {
                out.problem(ImportProblem.atLine(line, "the line is not UTF-8 text; it was skipped"));
                continue;
            } catch (IOException | UncheckedIOException e) {
                out.problem(ImportProblem.atLine(line, "the line is not valid CSV: " + reason(e) + "; it was skipped"));
                continue;
            }
            if (cells.length != header.size()) {
                out.problem(ImportProblem.atLine(line, "the line has " + cells.length + " cells, the header "
                        + header.size() + "; it was skipped"));
                continue;
            }
            layout.row(line, cells, out);
        }
    }

    private static List<String> header(LineSource lines, int maxLineBytes) throws IOException {
        while (lines.next()) {
            if (lines.tooLong()) {
                throw new TrainingImportException("the header (line " + lines.number() + ") is longer than the limit of "
                        + maxLineBytes + " bytes");
            }
            if (lines.blank()) {
                continue;
            }
            String[] cells;
            try {
                cells = cells(lines.text());
            } catch (CharacterCodingException e) {
                throw new TrainingImportException("the header (line " + lines.number()
                        + ") is not UTF-8 text; is this a CSV file?");
            } catch (IOException | UncheckedIOException e) {
                throw new TrainingImportException("the header (line " + lines.number() + ") is not valid CSV: " + reason(e));
            }
            if (cells.length > MAX_COLUMNS) {
                throw new TrainingImportException("the header has " + cells.length + " columns; the limit is " + MAX_COLUMNS);
            }
            List<String> header = new ArrayList<>(cells.length);
            for (String cell : cells) {
                header.add(cell.trim());
            }
            return header;
        }
        throw new TrainingImportException("the file is empty; expected a CSV header with a step column");
    }

    /** commons-csv's innermost message, without its position in the one-line parse. */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceFirst("^\\(startline \\d+\\) ", "");
    }

    private static String[] cells(String line) throws IOException {
        if (line.indexOf('"') < 0) {
            // Without quotes, RFC 4180 cells are exactly the text between commas: the common
            // case, read without a parser per line.
            return line.split(",", -1);
        }
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().values() : new String[0];
        }
    }

    /** How the columns of one file are read. */
    private abstract static class Layout {
        final int step;
        final int epoch;
        final int timestamp;

        Layout(Map<String, Integer> columns) {
            this.step = columns.get("step");
            this.epoch = columns.getOrDefault("epoch", -1);
            this.timestamp = columns.getOrDefault("timestamp", -1);
        }

        static Layout of(List<String> header, long headerLine, ImportCollector out) {
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (columns.putIfAbsent(header.get(i), i) != null) {
                    throw new TrainingImportException("the header names column '" + MetricNames.printable(header.get(i))
                            + "' twice");
                }
            }
            boolean longForm = columns.containsKey("name") && columns.containsKey("value");
            if (!columns.containsKey("step")) {
                throw new TrainingImportException("the header has no step column; expected a Lightning metrics.csv"
                        + " (step, epoch and one column per metric) or step,name,value[,epoch,timestamp]; the header was: "
                        + MetricNames.printable(String.join(",", header)));
            }
            return longForm ? new LongLayout(header, headerLine, columns, out) : new WideLayout(header, columns);
        }

        abstract void row(long line, String[] cells, ImportCollector out);

        /** The row's step, or null (reported) when it has none. */
        Long step(long line, String[] cells, ImportCollector out) {
            String text = cells[step].trim();
            Double value = Values.number(text);
            String bad = text.isEmpty() ? "step is empty" : value == null
                    ? "step must be a whole number, was " + Values.quoted(text) : Values.invalidStep(value);
            if (bad != null) {
                out.problem(ImportProblem.atLine(line, bad + "; the line was skipped"));
                return null;
            }
            return value.longValue();
        }

        Double epoch(long line, String[] cells, ImportCollector out) {
            if (epoch < 0 || cells[epoch].isBlank()) {
                return null;
            }
            Double value = Values.number(cells[epoch]);
            String bad = value == null ? "epoch must be a number, was " + Values.quoted(cells[epoch]) : Values.invalidEpoch(value);
            if (bad != null) {
                out.problem(ImportProblem.atLine(line, bad + "; the line was kept without it"));
                return null;
            }
            return value;
        }

        Instant timestamp(long line, String[] cells, ImportCollector out) {
            if (timestamp < 0 || cells[timestamp].isBlank()) {
                return null;
            }
            Instant time = Values.time(cells[timestamp]);
            if (time == null) {
                out.problem(ImportProblem.atLine(line, Values.TIME_RULE + ", was " + Values.quoted(cells[timestamp])
                        + "; the line was kept without it"));
            }
            return time;
        }
    }

    /** Lightning's wide layout: every column but step, epoch and timestamp is a metric. */
    private static final class WideLayout extends Layout {
        private final int[] metricColumns;
        private final String[] metricNames;
        private final String[] columnNames;

        WideLayout(List<String> header, Map<String, Integer> columns) {
            super(columns);
            List<String> metrics = new ArrayList<>();
            for (String column : header) {
                if (!column.equals("step") && !column.equals("epoch") && !column.equals("timestamp")) {
                    metrics.add(column);
                }
            }
            Map<String, String> names = MetricNames.forColumns(metrics);
            metricColumns = new int[metrics.size()];
            metricNames = new String[metrics.size()];
            columnNames = new String[metrics.size()];
            for (int i = 0; i < metrics.size(); i++) {
                metricColumns[i] = columns.get(metrics.get(i));
                metricNames[i] = names.get(metrics.get(i));
                columnNames[i] = metrics.get(i);
            }
        }

        @Override
        void row(long line, String[] cells, ImportCollector out) {
            Long step = step(line, cells, out);
            if (step == null) {
                return;
            }
            Double epoch = epoch(line, cells, out);
            Instant time = timestamp(line, cells, out);
            for (int i = 0; i < metricColumns.length; i++) {
                String cell = cells[metricColumns[i]];
                if (cell.isEmpty()) {
                    continue; // not logged on this row
                }
                Double value = Values.number(cell);
                if (value == null) {
                    out.problem(ImportProblem.atLine(line, "column " + MetricNames.printable(columnNames[i])
                            + " must be a number, was " + Values.quoted(cell)));
                } else {
                    out.point(line, null, step, epoch, metricNames[i], value, time);
                }
            }
        }
    }

    /** The long layout: one point a row. */
    private static final class LongLayout extends Layout {
        private final int name;
        private final int value;

        LongLayout(List<String> header, long headerLine, Map<String, Integer> columns, ImportCollector out) {
            super(columns);
            this.name = columns.get("name");
            this.value = columns.get("value");
            for (String column : header) {
                if (!List.of("step", "name", "value", "epoch", "timestamp").contains(column)) {
                    out.problem(ImportProblem.atLine(headerLine, "column " + Values.quoted(column) + " is not one of step, name,"
                            + " value, epoch, timestamp; it was ignored"));
                }
            }
        }

        @Override
        void row(long line, String[] cells, ImportCollector out) {
            Long step = step(line, cells, out);
            if (step == null) {
                return;
            }
            String metric = cells[name].trim();
            Double number = Values.number(cells[value]);
            if (number == null) {
                out.problem(ImportProblem.atLine(line, "value must be a number, was " + Values.quoted(cells[value])
                        + "; the line was skipped"));
                return;
            }
            Double epochValue = epoch(line, cells, out);
            Instant time = timestamp(line, cells, out);
            out.point(line, null, step, epochValue, MetricNames.canonical(metric), number, time);
        }
    }
}
