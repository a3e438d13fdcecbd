package dev.sextant.ingest.training;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The training-log file formats Sextant imports, by their wire name ({@code ?format=...}). */
public enum ImportFormat {
    /** A Hugging Face Trainer {@code trainer_state.json} (its {@code log_history} and run facts). */
    HF_TRAINER_STATE("hf_trainer_state"),
    /** A PyTorch Lightning CSVLogger {@code metrics.csv} (wide) or a long {@code step,name,value} CSV. */
    CSV("csv"),
    /** JSON Lines: one object per line, long, wide ({@code metrics}) or flat. */
    JSONL("jsonl");

    private final String wireName;

    ImportFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The format of a wire name; an unknown name is refused with the names there are. */
    public static ImportFormat fromWire(String name) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (ImportFormat format : values()) {
                if (format.wireName.equals(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("format must be one of " + names() + ", was "
                + (name == null ? "missing" : "'" + name + "'"));
    }

    static String names() {
        return Arrays.stream(values()).map(ImportFormat::wireName).collect(Collectors.joining(", "));
    }
}
