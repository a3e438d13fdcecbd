package dev.sextant.sdk.internal;

import tools.jackson.core.JsonGenerator;

/** One record of the native ingest batch: {@code {"type": type(), "body": {...}}}. */
public interface Item {
    String type();

    String id();

    /** Writes the body object; called on the exporter thread only, after the record was handed over. */
    void writeBody(JsonGenerator json);
}
