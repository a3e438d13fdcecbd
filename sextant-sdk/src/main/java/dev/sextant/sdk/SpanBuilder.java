package dev.sextant.sdk;

import dev.sextant.sdk.internal.Handoff;
import dev.sextant.sdk.internal.Ids;
import dev.sextant.sdk.internal.SpanRecord;
import dev.sextant.sdk.internal.TraceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Describes a span before it starts. It becomes a child of {@link #parent(Context)} if given,
 * else of the current context's span or trace; with no trace anywhere it starts a trace of its
 * own (same name) that ends with it. Setters are optional; nothing here throws.
 */
public final class SpanBuilder {
    private final Sextant sextant;
    private final SpanKind kind;
    private String name;
    private Context parent;
    private String model;
    private String provider;
    private String toolName;
    private String point;
    private String chosen;
    private List<String> alternatives;
    private String reasoning;
    private Double confidence;
    private Handoff handoff;
    private Map<String, Object> attributes;
    private Object input;

    SpanBuilder(Sextant sextant, SpanKind kind, String name) {
        this.sextant = sextant;
        this.kind = kind == null ? SpanKind.CUSTOM : kind;
        this.name = name;
    }

    public SpanBuilder parent(Context parent) {
        this.parent = parent;
        return this;
    }

    public SpanBuilder parent(Trace trace) {
        return parent(trace == null ? null : trace.context());
    }

    public SpanBuilder parent(Span span) {
        return parent(span == null ? null : span.context());
    }

    public SpanBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** The model asked for (an LLM span's cost is calculated by the server from model and usage). */
    public SpanBuilder model(String model) {
        this.model = model;
        return this;
    }

    public SpanBuilder provider(String provider) {
        this.provider = provider;
        return this;
    }

    public SpanBuilder toolName(String toolName) {
        this.toolName = toolName;
        return this;
    }

    /** A decision: where it was taken (e.g. {@code "route"}). */
    public SpanBuilder point(String point) {
        this.point = point;
        return this;
    }

    public SpanBuilder chosen(String chosen) {
        this.chosen = chosen;
        return this;
    }

    public SpanBuilder alternatives(String... alternatives) {
        this.alternatives = alternatives == null ? null : new ArrayList<>(Arrays.asList(alternatives));
        return this;
    }

    public SpanBuilder alternatives(List<String> alternatives) {
        this.alternatives = alternatives == null ? null : new ArrayList<>(alternatives);
        return this;
    }

    public SpanBuilder reasoning(String reasoning) {
        this.reasoning = reasoning;
        return this;
    }

    public SpanBuilder confidence(double confidence) {
        this.confidence = Values.confidence("span " + name, confidence);
        return this;
    }

    /** A hand-off to {@code target} (a person, a queue, another agent) for {@code reason}. */
    public SpanBuilder handoff(String target, String reason) {
        this.handoff = new Handoff(true, reason, target);
        return this;
    }

    /** Any detail as a JSON attribute, e.g. {@code attribute("file", "V7__orders.sql")} on a code generation span. */
    public SpanBuilder attribute(String key, Object value) {
        if (key != null) {
            if (attributes == null) {
                attributes = new LinkedHashMap<>();
            }
            attributes.put(key, value);
        }
        return this;
    }

    /**
     * This span used {@code prompt}: sets the attributes {@code prompt.template_id} and
     * {@code prompt.version} that the prompt template analytics count. A prompt that could not be
     * fetched (no version) sets only the id.
     */
    public SpanBuilder prompt(Prompt prompt) {
        if (prompt != null) {
            attribute("prompt.template_id", prompt.templateId());
            if (prompt.version() != null) {
                attribute("prompt.version", prompt.version());
            }
        }
        return this;
    }

    /** A string is kept as is; maps, lists, numbers as JSON. */
    public SpanBuilder input(Object input) {
        this.input = input;
        return this;
    }

    /** Starts the clock; the span is sent when it ends. It is not made current: call {@link Span#makeCurrent()}. */
    public Span start() {
        Context context = parent != null ? parent : Context.current();
        Trace ownTrace = null;
        String traceId = context.traceId();
        if (traceId == null) {
            TraceRecord trace = new TraceRecord(Ids.traceId());
            trace.name = name;
            trace.agentId = sextant.defaultAgent();
            trace.startedAt = Instant.now();
            ownTrace = new Trace(sextant, trace);
            traceId = trace.id;
        }
        SpanRecord record = new SpanRecord(Ids.spanId(), traceId, context.spanId(), kind.wireName());
        record.name = name;
        record.model = model;
        record.provider = provider;
        record.toolName = toolName == null && kind == SpanKind.TOOL ? name : toolName;
        record.decisionPoint = point;
        record.chosen = chosen;
        record.alternatives = alternatives;
        record.reasoning = reasoning;
        record.confidence = confidence;
        record.handoff = handoff;
        record.attributes = attributes == null ? null : new LinkedHashMap<>(attributes);
        record.input = input;
        record.startedAt = Instant.now();
        return new Span(sextant, record, ownTrace);
    }

    /** Starts and ends at once: for a decision or an event that takes no time of its own. */
    public Span record() {
        Span span = start();
        span.end();
        return span;
    }

    /** Runs {@code call} as this span (current while it runs); an exception ends it with status error and is rethrown. */
    public <T> T wrap(Supplier<T> call) {
        return Recording.wrap(start().handle(), call);
    }

    /** As {@link #wrap(Supplier)}, for a call that throws checked exceptions (rethrown unchanged). */
    public <T> T call(Callable<T> call) throws Exception {
        return Recording.call(start().handle(), call);
    }

    /** Runs {@code call} as this span; the span ends when the returned future completes. */
    public <T> CompletableFuture<T> wrapAsync(Supplier<CompletableFuture<T>> call) {
        return Recording.wrapAsync(start().handle(), call);
    }
}
