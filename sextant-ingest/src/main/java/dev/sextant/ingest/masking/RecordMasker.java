package dev.sextant.ingest.masking;

import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.pii.MaskCounts;
import dev.sextant.pii.MaskTarget;
import dev.sextant.pii.TextMasker;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.context.ContextItem;
import dev.sextant.store.context.ContextItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies one workspace's {@link TextMasker} to every free-text field of a batch: inputs,
 * outputs (with errors and reasons), and the string values inside the JSON of attributes,
 * metadata, tags and session context, and typed context items. User ids are hashed when the rules say so.
 */
final class RecordMasker {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TextMasker masker;

    RecordMasker(TextMasker masker) {
        this.masker = masker;
    }

    WorkspaceBatch mask(WorkspaceBatch batch, MaskCounts counts) {
        if (masker.inactive()) {
            return batch;
        }
        List<Trace> traces = new ArrayList<>(batch.traces().size());
        for (Trace t : batch.traces()) {
            traces.add(new Trace(t.id(), t.agentId(), t.sessionId(), t.conversationId(), masker.userId(t.userId()), t.name(),
                    text(t.input(), MaskTarget.INPUTS, counts), text(t.output(), MaskTarget.OUTPUTS, counts), t.status(),
                    text(t.error(), MaskTarget.OUTPUTS, counts), t.startedAt(), t.endedAt(), t.messageType(), t.intents(),
                    t.confidence(), handoff(t.handoff(), counts), t.contextSize(), t.configVersion(), t.experimentId(),
                    t.variantId(), tags(t.tags(), counts), json(t.metadata(), counts)));
        }
        List<Span> spans = new ArrayList<>(batch.spans().size());
        for (Span s : batch.spans()) {
            spans.add(new Span(s.id(), s.traceId(), s.parentId(), s.kind(), s.name(), s.status(),
                    text(s.error(), MaskTarget.OUTPUTS, counts), s.startedAt(), s.endedAt(), s.model(), s.provider(),
                    s.usage(), s.costUsd(), s.costSource(), s.toolName(), decision(s.decision(), counts), s.confidence(),
                    handoff(s.handoff(), counts), json(s.attributes(), counts), text(s.input(), MaskTarget.INPUTS, counts),
                    text(s.output(), MaskTarget.OUTPUTS, counts)));
        }
        List<Score> scores = new ArrayList<>(batch.scores().size());
        for (Score s : batch.scores()) {
            scores.add(new Score(s.id(), s.traceId(), s.spanId(), s.name(), s.value(), s.stringValue(),
                    text(s.comment(), MaskTarget.INPUTS, counts), s.source(), masker.userId(s.userId()), s.createdAt()));
        }
        List<Session> sessions = new ArrayList<>(batch.sessions().size());
        for (Session s : batch.sessions()) {
            sessions.add(new Session(s.id(), masker.userId(s.userId()), s.agentId(), json(s.context(), counts),
                    s.startedAt(), s.endedAt()));
        }
        List<ContextItems> contexts = new ArrayList<>(batch.contexts().size());
        for (ContextItems c : batch.contexts()) {
            contexts.add(new ContextItems(c.owner(), c.ownerId(), context(c.items(), counts)));
        }
        return new WorkspaceBatch(batch.workspace(), traces, spans, scores, sessions, contexts);
    }

    /**
     * Typed context items are attributes-like: their text values get the attributes rule; a value
     * the rule drops is left out. Numeric items (a scalar number) are kept as they are.
     */
    private List<ContextItem> context(List<ContextItem> items, MaskCounts counts) {
        if (!masker.active(MaskTarget.ATTRIBUTES)) {
            return items;
        }
        List<ContextItem> out = new ArrayList<>(items.size());
        for (ContextItem item : items) {
            if (item.numeric()) {
                out.add(item);
                continue;
            }
            String masked = masker.mask(item.text(), MaskTarget.ATTRIBUTES, counts);
            if (masked != null) {
                out.add(new ContextItem(item.type(), masked, null));
            }
        }
        return out;
    }

    private String text(String value, MaskTarget target, MaskCounts counts) {
        return value == null || !masker.active(target) ? value : masker.mask(value, target, counts);
    }

    private Handoff handoff(Handoff h, MaskCounts counts) {
        return h == null || h.reason() == null ? h
                : new Handoff(h.triggered(), text(h.reason(), MaskTarget.OUTPUTS, counts), h.target());
    }

    private Decision decision(Decision d, MaskCounts counts) {
        return d == null || d.reasoning() == null ? d
                : new Decision(d.point(), d.chosen(), d.alternatives(), text(d.reasoning(), MaskTarget.OUTPUTS, counts));
    }

    private List<String> tags(List<String> tags, MaskCounts counts) {
        if (tags == null || !masker.active(MaskTarget.ATTRIBUTES)) {
            return tags;
        }
        List<String> out = new ArrayList<>(tags.size());
        for (String tag : tags) {
            String masked = masker.mask(tag, MaskTarget.ATTRIBUTES, counts);
            if (masked != null) {
                out.add(masked);
            }
        }
        return out;
    }

    /**
     * The string values inside a JSON document, masked. The document is parsed only when the raw
     * text shows a match or holds an escape (an escaped character could hide one).
     */
    private String json(String document, MaskCounts counts) {
        if (document == null || !masker.active(MaskTarget.ATTRIBUTES)) {
            return document;
        }
        if (document.indexOf('\\') < 0 && masker.findings(document, MaskTarget.ATTRIBUTES).isEmpty()) {
            return document;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(document);
        } catch (JacksonException e) {
            // not JSON after all (ingest validated it, so unexpected): treat it as one text
            return masker.mask(document, MaskTarget.ATTRIBUTES, counts);
        }
        return JSON.writeValueAsString(walk(tree, counts));
    }

    private JsonNode walk(JsonNode node, MaskCounts counts) {
        if (node.isString()) {
            String masked = masker.mask(node.asString(), MaskTarget.ATTRIBUTES, counts);
            return masked == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.stringNode(masked);
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                // keys too: {"jane@example.com": ...} is as telling as a value
                String key = masker.mask(field.getKey(), MaskTarget.ATTRIBUTES, counts);
                if (key != null) {
                    out.set(key, walk(field.getValue(), counts));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : node) {
                out.add(walk(element, counts));
            }
            return out;
        }
        return node;
    }
}
