package dev.sextant.analytics.datasets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV records, one or more physical lines each (a quoted field may hold line breaks), parsed by
 * Apache Commons CSV one record at a time so line numbers stay exact and a broken record does not
 * stop the rest. The first record is the header. Columns are matched to roles by name: the first
 * of {@link #INPUT} is the input (else the first column), of {@link #OUTPUT} the output, of
 * {@link #LABEL} the label.
 */
final class CsvLines {
    static final List<String> INPUT = List.of("text", "prompt", "input", "question", "instruction", "content", "message", "sentence");
    static final List<String> OUTPUT = List.of("completion", "response", "output", "answer", "target");
    static final List<String> LABEL = List.of("label", "labels", "class", "category", "intent", "sentiment");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    private List<String> header;
    private int input = -1;
    private int output = -1;
    private int label = -1;

    /** Whether a text holds a complete record: its double quotes are balanced. */
    static boolean complete(CharSequence text) {
        long quotes = text.chars().filter(c -> c == '"').count();
        return quotes % 2 == 0;
    }

    boolean hasHeader() {
        return header != null;
    }

    /** Reads the header record; answers a problem, or null. */
    String header(String text) {
        List<String> values;
        try {
            values = values(text);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i).strip();
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            }
            String unique = name;
            for (int k = 2; !seen.add(unique); k++) {
                unique = name + "_" + k;
            }
            names.add(unique);
        }
        header = List.copyOf(names);
        input = find(INPUT);
        output = find(OUTPUT);
        label = find(LABEL);
        if (input < 0) {
            for (int i = 0; i < header.size(); i++) {
                if (i != output && i != label) {
                    input = i;
                    break;
                }
            }
        }
        return null;
    }

    List<String> columns() {
        return header;
    }

    private int find(List<String> names) {
        for (String n : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A data record; throws {@link JsonLines.NotARecord} with the reason when it cannot be one. */
    DatasetRecord record(long line, String text) throws JsonLines.NotARecord {
        List<String> values;
        try {
            values = values(text);
        } catch (IllegalStateException e) {
            throw new JsonLines.NotARecord(e.getMessage());
        }
        if (values.size() != header.size()) {
            throw new JsonLines.NotARecord("has " + values.size() + " field" + (values.size() == 1 ? "" : "s")
                    + ", the header has " + header.size());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), values.get(i));
        }
        return new DatasetRecord(line, DatasetFormat.CSV, input < 0 ? "" : values.get(input),
                output < 0 ? null : values.get(output), label < 0 ? null : values.get(label), fields, null, null);
    }

    private static List<String> values(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalStateException("not one CSV record (" + records.size() + " found)");
            }
            return records.getFirst().toList();
        } catch (IOException | UncheckedIOException e) {
            String why = e.getMessage() == null ? "unreadable" : e.getMessage();
            throw new IllegalStateException("not valid CSV: " + (why.length() > 160 ? why.substring(0, 160) + "…" : why));
        }
    }
}
