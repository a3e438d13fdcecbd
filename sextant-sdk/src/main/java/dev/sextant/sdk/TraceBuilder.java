package dev.sextant.sdk;

import dev.sextant.sdk.internal.Handoff;
import dev.sextant.sdk.internal.Ids;
import dev.sextant.sdk.internal.TraceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Describes a trace (one agent execution) before it starts. Every setter is optional and takes
 * null as "not set"; nothing here throws.
 */
public final class TraceBuilder {
    private final Sextant sextant;
    private final TraceRecord record;

    TraceBuilder(Sextant sextant, String name, String defaultAgent) {
        this.sextant = sextant;
        this.record = new TraceRecord(Ids.traceId());
        record.name = name;
        record.agentId = defaultAgent;
    }

    /** Your own id instead of a random one (sending the same id again updates that trace); null keeps the random one. */
    public TraceBuilder id(String id) {
        if (id != null) {
            record.id = id;
        }
        return this;
    }

    public TraceBuilder agent(String agentId) {
        record.agentId = agentId;
        return this;
    }

    public TraceBuilder session(String sessionId) {
        record.sessionId = sessionId;
        return this;
    }

    public TraceBuilder session(Session session) {
        record.sessionId = session == null ? null : session.id();
        return this;
    }

    public TraceBuilder conversation(String conversationId) {
        record.conversationId = conversationId;
        return this;
    }

    public TraceBuilder user(String userId) {
        record.userId = userId;
        return this;
    }

    /** A string is kept as is; maps, lists, numbers as JSON. */
    public TraceBuilder input(Object input) {
        record.input = input;
        return this;
    }

    public TraceBuilder messageType(String messageType) {
        record.messageType = messageType;
        return this;
    }

    public TraceBuilder intent(String name, double confidence) {
        Double c = Values.confidence("intent " + name, confidence);
        if (name != null && c != null) {
            record.intents.add(Map.entry(name, c));
        }
        return this;
    }

    public TraceBuilder confidence(double confidence) {
        record.confidence = Values.confidence("trace", confidence);
        return this;
    }

    public TraceBuilder tags(String... tags) {
        record.tags = tags == null ? null : new ArrayList<>(Arrays.asList(tags));
        return this;
    }

    /**
     * A typed context item of this interaction (e.g. {@code locale}, {@code channel}): the server
     * relates it to success, latency, cost and rating. Type names are lower-case identifiers
     * ({@code [a-z][a-z0-9_.]{0,63}}); a trace's item wins over its session's of the same type.
     * A null type or value is ignored.
     */
    public TraceBuilder context(String type, String value) {
        return putContext(type, value);
    }

    /** A numeric context item (e.g. {@code history_length}); binned into quartiles by the analytics. */
    public TraceBuilder context(String type, Number value) {
        return putContext(type, value);
    }

    /** A boolean context item (e.g. {@code dirty}), analysed as the values "true" and "false". */
    public TraceBuilder context(String type, boolean value) {
        return putContext(type, value);
    }

    /** A multi-valued context item (e.g. {@code files_open}): each value is an item of its own. */
    public TraceBuilder context(String type, java.util.List<String> values) {
        return putContext(type, values == null ? null : java.util.List.copyOf(values));
    }

    private TraceBuilder putContext(String type, Object value) {
        if (type != null && value != null) {
            record.context(type, value);
        }
        return this;
    }

    public TraceBuilder metadata(String key, Object value) {
        if (key != null) {
            record.metadata(key, value);
        }
        return this;
    }

    /**
     * The whole trace used {@code prompt}: sets the metadata {@code prompt_template_id} and
     * {@code prompt_version}. It counts as a use only when no span of the trace names a template
     * ({@link SpanBuilder#prompt} on the LLM span is the finer choice).
     */
    public TraceBuilder prompt(Prompt prompt) {
        if (prompt != null) {
            metadata("prompt_template_id", prompt.templateId());
            if (prompt.version() != null) {
                metadata("prompt_version", prompt.version());
            }
        }
        return this;
    }

    public TraceBuilder configVersion(String configVersion) {
        record.configVersion = configVersion;
        return this;
    }

    /**
     * Stamps the trace with the version of the configuration it runs ({@code config_version},
     * e.g. {@code support-prompt-v2}); a configuration without a known version leaves it unset.
     */
    public TraceBuilder configuration(AgentConfiguration configuration) {
        if (configuration != null && configuration.known()) {
            record.configVersion = configuration.versionId();
        }
        return this;
    }

    public TraceBuilder experiment(String experimentId, String variantId) {
        record.experimentId = experimentId;
        record.variantId = variantId;
        return this;
    }

    /**
     * Stamps the trace with what {@link Experiment#variant} gave: the experiment and variant
     * when the unit is in the experiment, and the configuration version it runs whenever there is
     * one. A null assignment, or one without a variant, changes nothing.
     */
    public TraceBuilder experiment(ExperimentAssignment assignment) {
        if (assignment == null) {
            return this;
        }
        if (assignment.inExperiment()) {
            experiment(assignment.experimentId(), assignment.variantId());
        }
        if (assignment.configurationVersion() != null) {
            record.configVersion = assignment.configurationVersion();
        }
        return this;
    }

    public TraceBuilder contextSize(int tokens) {
        record.contextSize = tokens >= 0 ? tokens : null;
        return this;
    }

    public TraceBuilder handoff(String reason, String target) {
        record.handoff = new Handoff(true, reason, target);
        return this;
    }

    /** Starts the clock; the trace is sent when it ends. */
    public Trace start() {
        record.startedAt = Instant.now();
        return new Trace(sextant, record);
    }

    /** Runs {@code call} as this trace (current while it runs); an exception ends it with status error and is rethrown. */
    public <T> T wrap(Supplier<T> call) {
        return Recording.wrap(start().handle(), call);
    }

    /** As {@link #wrap(Supplier)}, for a call that throws checked exceptions (rethrown unchanged). */
    public <T> T call(Callable<T> call) throws Exception {
        return Recording.call(start().handle(), call);
    }

    /** Runs {@code call} as this trace; the trace ends when the returned future completes. */
    public <T> CompletableFuture<T> wrapAsync(Supplier<CompletableFuture<T>> call) {
        return Recording.wrapAsync(start().handle(), call);
    }
}
