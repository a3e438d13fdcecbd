package dev.sextant.analytics.datasets;

import java.util.List;
import java.util.Map;

/**
 * One record as the analyzer sees it, whatever its format: the text that is the input (prompt,
 * text, the user turns of a chat), the output (completion, assistant turns), the label if the
 * format has one, every field's value for completeness ({@code null}: missing), the chat roles
 * in order, the shape the line itself has (which may differ from the dataset's format), and its
 * schema: the sorted top-level keys of a JSON line (null for CSV, whose header fixes it).
 */
public record DatasetRecord(long line, DatasetFormat shape, String input, String output, String label,
        Map<String, String> fields, List<String> roles, String schema) {

    public DatasetRecord {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Input and output together: what token counts, noise and PII look at. */
    public String text() {
        if (output == null || output.isEmpty()) {
            return input == null ? "" : input;
        }
        return input == null || input.isEmpty() ? output : input + "\n" + output;
    }
}
