package dev.sextant.store.datasets;

/**
 * Where a dataset is: {@code uploading} from creation until its content has been read (the
 * analysis runs while the content streams in), {@code analyzing} while the report is completed,
 * then {@code ready} with a report or {@code failed} with the reason.
 */
public enum DatasetStatus {
    UPLOADING, ANALYZING, READY, FAILED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DatasetStatus fromWire(String value) {
        for (DatasetStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be one of uploading, analyzing, ready, failed, was '" + value + "'");
    }
}
