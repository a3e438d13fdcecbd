package dev.sextant.sdk.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code POST /api/v1/learnings} and {@code POST /api/v1/learnings/{id}/applications} on the
 * caller's thread, bounded by the request timeout. Never throws: every failure is an
 * {@link Answer} with an error.
 */
public final class LearningClient {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final ApiExchange api;
    private final URI learnings;

    /** The learning's id and (for an application) its outcome as the server answered; {@code error} set otherwise. */
    public record Answer(String id, String outcome, String error) {}

    /** A learning to create; null parts are left out. */
    public record NewLearning(String id, String agentId, String statement, Map<String, ?> pattern, Double support,
            Double confidence, Double lift, Long n, String source, Double initialConfidence) {}

    public LearningClient(ExportSettings settings) {
        this.api = new ApiExchange(settings);
        this.learnings = api.resolve("learnings");
    }

    public Answer create(NewLearning l) {
        String body = write(json -> {
            Json.string(json, "id", l.id());
            Json.string(json, "agent_id", l.agentId());
            Json.string(json, "statement", l.statement());
            Json.value(json, "pattern", l.pattern() == null ? Map.of() : l.pattern());
            if (l.support() != null || l.confidence() != null || l.lift() != null || l.n() != null || l.source() != null) {
                json.writeName("evidence");
                json.writeStartObject();
                Json.number(json, "support", l.support());
                Json.number(json, "confidence", l.confidence());
                Json.number(json, "lift", l.lift());
                if (l.n() != null) {
                    json.writeName("n");
                    json.writeNumber(l.n());
                }
                Json.string(json, "source", l.source());
                json.writeEndObject();
            }
            Json.number(json, "initial_confidence", l.initialConfidence());
        });
        return answer(api.post(learnings, body), 201);
    }

    public Answer apply(String learningId, String traceId, String outcome) {
        URI uri = URI.create(learnings + "/" + ApiExchange.segment(learningId) + "/applications");
        String body = write(json -> {
            Json.string(json, "trace_id", traceId);
            Json.string(json, "outcome", outcome);
        });
        return answer(api.post(uri, body), 201);
    }

    private interface Fields {
        void write(JsonGenerator json);
    }

    private static String write(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Answer answer(ApiExchange.Result r, int expected) {
        if (r.error() != null) {
            return new Answer(null, null, r.error());
        }
        return r.status() != expected ? new Answer(null, null, r.statusError()) : read(r.body());
    }

    /** Reads {@code id} (or {@code trace_id}) and {@code outcome}; other fields are skipped. */
    static Answer read(byte[] body) {
        String id = null;
        String outcome = null;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Answer(null, null, "the server answered something that is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (("id".equals(name) || "trace_id".equals(name)) && value == JsonToken.VALUE_STRING) {
                    id = p.getString();
                } else if ("outcome".equals(name) && value == JsonToken.VALUE_STRING) {
                    outcome = p.getString();
                } else {
                    p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return new Answer(null, null, "the answer is not readable JSON: " + ApiExchange.shorten(e.getOriginalMessage()));
        }
        return new Answer(id, outcome, null);
    }
}
