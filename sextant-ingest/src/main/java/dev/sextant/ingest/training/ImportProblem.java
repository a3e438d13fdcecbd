package dev.sextant.ingest.training;

import java.util.Objects;

/**
 * A part of a training log that could not be imported and was skipped; the rest was imported.
 *
 * @param line the 1-based line of the file (CSV, JSON Lines), or null for a whole JSON document
 * @param pointer a JSON pointer to the bad value ({@code /log_history/3/loss}, {@code /metrics/acc}),
 *     or null when the line is the location (CSV)
 * @param message what is wrong and why, for a person
 */
public record ImportProblem(Long line, String pointer, String message) {

    public ImportProblem {
        Objects.requireNonNull(message, "message");
    }

    static ImportProblem atLine(long line, String message) {
        return new ImportProblem(line, null, message);
    }

    static ImportProblem at(Long line, String pointer, String message) {
        return new ImportProblem(line, pointer, message);
    }

    /** Where and what, in one line: {@code line 7: ...}, {@code /log_history/3/loss: ...}. */
    public String describe() {
        StringBuilder where = new StringBuilder();
        if (line != null) {
            where.append("line ").append(line);
        }
        if (pointer != null) {
            where.append(where.isEmpty() ? "" : " ").append(pointer);
        }
        return where.isEmpty() ? message : where + ": " + message;
    }
}
