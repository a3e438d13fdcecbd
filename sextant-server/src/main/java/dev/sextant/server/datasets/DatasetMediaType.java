package dev.sextant.server.datasets;

import dev.sextant.analytics.datasets.DatasetFormat;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * The content types a dataset upload accepts and what each says about the format: JSON Lines
 * ({@code application/x-ndjson}, {@code application/jsonl}), CSV ({@code text/csv}), or
 * {@code application/octet-stream} (the format given or detected). Charset parameters are
 * ignored: the content is read as UTF-8.
 */
enum DatasetMediaType {
    JSON_LINES, CSV, ANY;

    static final List<String> ACCEPTED = List.of("application/x-ndjson", "application/jsonl", "text/csv",
            "application/octet-stream");

    /** The kind of this Content-Type header; 415 when it is none of {@link #ACCEPTED}. */
    static DatasetMediaType of(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type != null) {
            String bare = type.getType() + "/" + type.getSubtype();
            switch (bare.toLowerCase(java.util.Locale.ROOT)) {
                case "application/x-ndjson", "application/jsonl" -> {
                    return JSON_LINES;
                }
                case "text/csv" -> {
                    return CSV;
                }
                case "application/octet-stream" -> {
                    return ANY;
                }
                default -> { }
            }
        }
        throw new UnsupportedDatasetTypeException((contentType == null ? "the request has no Content-Type"
                : "the request has Content-Type " + DatasetBody.shorten(contentType.replace('\u0000', '?')))
                + "; send the dataset as one of " + String.join(", ", ACCEPTED));
    }

    /** Whether content of this type can hold a dataset of {@code format} (null: not given); 415 when not. */
    void check(DatasetFormat format) {
        if (format == null || this == ANY) {
            return;
        }
        if (this == CSV && format != DatasetFormat.CSV || this == JSON_LINES && format == DatasetFormat.CSV) {
            throw new UnsupportedDatasetTypeException("the dataset's format is " + format.wire() + " but the request has "
                    + (this == CSV ? "CSV" : "JSON Lines") + " content; send "
                    + (format == DatasetFormat.CSV ? "text/csv" : "application/x-ndjson or application/jsonl"));
        }
    }
}
