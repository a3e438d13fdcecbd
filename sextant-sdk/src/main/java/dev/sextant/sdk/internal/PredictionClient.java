package dev.sextant.sdk.internal;

import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code POST /api/v1/predictions/{target}} on the caller's thread, bounded by the request
 * timeout. Never throws: a 409 (the model is not offered, or none is trained) is an answer with
 * {@code offered} false and the server's reason; every other failure is an answer with an error.
 */
public final class PredictionClient {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final ApiExchange api;

    /** The server's fields as they came; {@code error} set when there is no usable answer. */
    public record Answer(boolean offered, Double probability, Double value, Integer modelVersion, String reason,
            String error) {}

    public PredictionClient(ExportSettings settings) {
        this.api = new ApiExchange(settings);
    }

    public Answer predict(String target, Map<String, ?> features) {
        URI uri = api.resolve("predictions/" + ApiExchange.segment(target));
        StringWriter body = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), body)) {
            json.writeStartObject();
            json.writeName("features");
            Json.any(json, features == null ? Map.of() : features);
            json.writeEndObject();
        }
        ApiExchange.Result answer = api.post(uri, body.toString());
        if (answer.error() != null) {
            return failed(answer.error());
        }
        if (answer.status() == 409) {
            String detail = read(answer.body()).reason();
            return new Answer(false, null, null, null, detail, null);
        }
        return answer.status() != 200 ? failed(answer.statusError()) : read(answer.body());
    }

    /** Reads {@code offered}, {@code probability}, {@code value}, {@code model_version} and a problem's {@code detail}. */
    static Answer read(byte[] body) {
        boolean offered = false;
        Double probability = null;
        Double value = null;
        Integer version = null;
        String detail = null;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return failed("the prediction answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                switch (name) {
                    case "offered" -> offered = token == JsonToken.VALUE_TRUE;
                    case "probability" -> probability = token.isNumeric() ? p.getDoubleValue() : null;
                    case "value" -> value = token.isNumeric() ? p.getDoubleValue() : null;
                    case "model_version" -> version = token.isNumeric() ? p.getIntValue() : null;
                    case "detail" -> detail = token == JsonToken.VALUE_STRING ? p.getString() : null;
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return failed("the prediction answer is not readable JSON: " + ApiExchange.shorten(e.getOriginalMessage()));
        }
        return new Answer(offered, probability, value, version, detail, null);
    }

    private static Answer failed(String error) {
        return new Answer(false, null, null, null, null, error);
    }
}
