package dev.sextant.ingest;

import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.store.context.ContextItem;
import dev.sextant.store.context.ContextItems;
import dev.sextant.store.context.ContextOwner;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One item {@code {"type": ..., "body": {...}}} → a record added to the merger, or a
 * rejection naming the item and everything wrong with it. Unknown fields are ignored, so
 * newer clients can send fields this server does not know yet.
 */
final class ItemParser {
    static final String TYPES = "trace, span, score, session";
    private static final Set<String> TYPE_SET = Set.of("trace", "span", "score", "session");

    private final JsonMapper mapper;

    ItemParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Null when the item was accepted and added to {@code into}. */
    IngestResult.Rejection parse(int index, JsonNode item, Instant receivedAt, BatchMerger into) {
        if (!item.isObject()) {
            return new IngestResult.Rejection(index, null, "item must be an object {\"type\": ..., \"body\": {...}}, was "
                    + FieldReader.describe(item));
        }
        JsonNode typeNode = item.get("type");
        if (typeNode == null || typeNode.isNull()) {
            return new IngestResult.Rejection(index, null, "type is missing; it must be one of " + TYPES);
        }
        String type = typeNode.isString() ? typeNode.stringValue() : null;
        if (type == null || !TYPE_SET.contains(type)) {
            return new IngestResult.Rejection(index, null, typeNode.isString()
                    ? "type \"" + type + "\" is not one of " + TYPES
                    : "type must be one of " + TYPES + ", was " + FieldReader.describe(typeNode));
        }
        JsonNode body = item.get("body");
        if (body == null || !body.isObject()) {
            return new IngestResult.Rejection(index, null, type + ": body must be an object, was "
                    + (body == null ? "missing" : FieldReader.describe(body)));
        }
        Problems problems = new Problems();
        FieldReader fields = new FieldReader(body, "", problems, mapper);
        switch (type) {
            case "trace" -> {
                Trace trace = TraceReader.read(fields);
                List<ContextItem> context = ContextReader.read(fields, mapper);
                if (trace != null && !problems.any()) {
                    into.add(trace);
                    if (context != null) {
                        into.add(new ContextItems(ContextOwner.TRACE, trace.id(), context));
                    }
                }
            }
            case "span" -> {
                Span span = SpanReader.read(fields);
                if (span != null) {
                    into.add(span);
                }
            }
            case "score" -> {
                Score score = ScoreReader.read(fields, receivedAt);
                if (score != null) {
                    into.add(score);
                }
            }
            default -> {
                Session session = SessionReader.read(fields);
                List<ContextItem> context = ContextReader.read(fields, mapper);
                if (session != null && !problems.any()) {
                    into.add(session);
                    if (context != null) {
                        into.add(new ContextItems(ContextOwner.SESSION, session.id(), context));
                    }
                }
            }
        }
        if (!problems.any()) {
            return null;
        }
        String id = readableId(body);
        return new IngestResult.Rejection(index, id,
                type + (id == null ? "" : " \"" + id + "\"") + ": " + problems.joined());
    }

    private static String readableId(JsonNode body) {
        JsonNode id = body.get("id");
        if (id == null || !id.isString()) {
            return null;
        }
        return FieldReader.checkId("id", id.stringValue(), new Problems());
    }
}
