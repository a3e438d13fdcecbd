package dev.sextant.otlp;

import java.util.Locale;
import java.util.Optional;

/** The two OTLP/HTTP body encodings; the answer is written in the request's encoding. */
public enum OtlpEncoding {
    PROTOBUF("application/x-protobuf"), JSON("application/json");

    private final String mediaType;

    OtlpEncoding(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The encoding a Content-Type names (parameters such as {@code ; charset=utf-8} ignored), if any. */
    public static Optional<OtlpEncoding> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        for (OtlpEncoding e : values()) {
            if (e.mediaType.equals(type)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
