package dev.sextant.sdk.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Writes {@code {"batch": [{"type": ..., "body": {...}}, ...]}} with jackson-core's streaming generator. */
public final class BatchBody {
    private static final JsonFactory FACTORY = new JsonFactory();

    private BatchBody() {}

    public static byte[] of(List<? extends Item> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + items.size() * 384);
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeName("batch");
            json.writeStartArray();
            for (Item item : items) {
                json.writeStartObject();
                json.writeName("type");
                json.writeString(item.type());
                json.writeName("body");
                item.writeBody(json);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }
}
