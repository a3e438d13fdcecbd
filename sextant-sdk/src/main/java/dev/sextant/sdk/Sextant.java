package dev.sextant.sdk;

import dev.sextant.sdk.internal.BudgetClient;
import dev.sextant.sdk.internal.ExperimentClient;
import dev.sextant.sdk.internal.ConfigurationClient;
import dev.sextant.sdk.internal.ExportSettings;
import dev.sextant.sdk.internal.Exporter;
import dev.sextant.sdk.internal.Ids;
import dev.sextant.sdk.internal.PromptClient;
import dev.sextant.sdk.internal.ScoreRecord;
import dev.sextant.sdk.internal.WarnOnce;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Sextant client: records traces, spans, scores and sessions of an agent and sends them to a
 * Sextant server in the background. Build one per application ({@link #builder()}), share it
 * between threads, close it at the end. After {@code build()} nothing here throws into the
 * agent or blocks it, except {@link #flush} and {@link #close}, which wait on purpose.
 */
public final class Sextant implements AutoCloseable {
    private final Exporter exporter;
    private final BudgetClient budgets;
    private final dev.sextant.sdk.internal.PredictionClient predictions;
    private final ActiveConfigurations configurations;
    private final PromptCache prompts;
    private final String defaultAgent;
    private final Duration closeTimeout;
    private final Thread shutdownHook;
    private final ExperimentClient experimentClient;
    private final Duration experimentCacheTtl;
    private final ConcurrentMap<String, Experiment> experiments = new ConcurrentHashMap<>();
    private final Learnings learnings;

    Sextant(ExportSettings settings, String defaultAgent, Duration closeTimeout, boolean closeOnShutdown) {
        this(settings, defaultAgent, closeTimeout, closeOnShutdown, SextantBuilder.DEFAULT_EXPERIMENT_CACHE_TTL,
                SextantBuilder.DEFAULT_CONFIGURATION_TTL);
    }

    Sextant(ExportSettings settings, String defaultAgent, Duration closeTimeout, boolean closeOnShutdown,
            Duration experimentCacheTtl, Duration configurationTtl) {
        this.experimentClient = new ExperimentClient(settings);
        this.experimentCacheTtl = experimentCacheTtl;
        this.exporter = new Exporter(settings);
        this.budgets = new BudgetClient(settings);
        this.predictions = new dev.sextant.sdk.internal.PredictionClient(settings);
        this.configurations = new ActiveConfigurations(new ConfigurationClient(settings), configurationTtl,
                System::nanoTime);
        this.prompts = new PromptCache(new PromptClient(settings), System::nanoTime);
        this.learnings = new Learnings(this, new dev.sextant.sdk.internal.LearningClient(settings));
        this.defaultAgent = defaultAgent;
        this.closeTimeout = closeTimeout;
        this.shutdownHook = closeOnShutdown ? new Thread(this::close, "sextant-shutdown") : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    public static SextantBuilder builder() {
        return new SextantBuilder();
    }

    /** A new trace, one agent execution. */
    public TraceBuilder trace(String name) {
        return new TraceBuilder(this, name, defaultAgent);
    }

    /** A new span of any kind, child of the current span or trace. */
    public SpanBuilder span(SpanKind kind, String name) {
        return new SpanBuilder(this, kind, name);
    }

    /** A model call: set {@code model}, then {@code usage} (and {@code cost} if the provider reports one). */
    public SpanBuilder llm(String name) {
        return span(SpanKind.LLM, name);
    }

    /** A tool call; the tool's name is the span's name unless {@code toolName} says otherwise. */
    public SpanBuilder tool(String toolName) {
        return span(SpanKind.TOOL, toolName);
    }

    /** A decision taken at {@code point}: add {@code chosen}, {@code alternatives}, {@code reasoning}, {@code confidence}. */
    public SpanBuilder decision(String point) {
        return span(SpanKind.DECISION, point).point(point);
    }

    /** A hand-off to a person or another agent: add {@code handoff(target, reason)}. */
    public SpanBuilder handoff(String name) {
        return span(SpanKind.HANDOFF, name);
    }

    public SpanBuilder codeGeneration(String name) {
        return span(SpanKind.CODE_GENERATION, name);
    }

    public SpanBuilder learning(String name) {
        return span(SpanKind.LEARNING, name);
    }

    public SpanBuilder custom(String name) {
        return span(SpanKind.CUSTOM, name);
    }

    /** A session with this id; {@code open()} it, close it when it ends. */
    public SessionBuilder session(String id) {
        return new SessionBuilder(this, id == null ? Ids.spanId() : id, defaultAgent);
    }

    /** Numeric feedback on a trace, e.g. {@code score(traceId, "user_rating", 5, "fast")}. */
    public void score(String traceId, String name, double value, String comment) {
        score(traceId, null, name, value, comment);
    }

    /** Numeric feedback on one span of a trace. */
    public void score(String traceId, String spanId, String name, double value, String comment) {
        if (valid(traceId, name) && Double.isFinite(value)) {
            exporter.offer(new ScoreRecord(Ids.spanId(), traceId, spanId, name, value, null, comment, "api", null,
                    Instant.now()));
        } else if (!Double.isFinite(value)) {
            WarnOnce.warn("score-value", "Sextant SDK: score \"" + name + "\" value must be finite, was " + value
                    + "; not sent");
        }
    }

    /** Categorical feedback on a trace, e.g. {@code score(traceId, "verdict", "good", null)}. */
    public void score(String traceId, String name, String category, String comment) {
        if (valid(traceId, name) && category != null) {
            exporter.offer(new ScoreRecord(Ids.spanId(), traceId, null, name, null, category, comment, "api", null,
                    Instant.now()));
        }
    }

    private static boolean valid(String traceId, String name) {
        if (traceId == null || name == null) {
            WarnOnce.warn("score-ids", "Sextant SDK: a score needs a trace id and a name, was trace "
                    + traceId + ", name " + name + "; not sent");
            return false;
        }
        return true;
    }

    /**
     * Asks the server, before spending, whether the budgets that a call by {@code agentId} (null:
     * the builder's agent) to {@code model} spends from allow {@code estimatedCost} USD more. This
     * one call waits for the server (at most the request timeout); it never throws: without an
     * answer the decision is {@link BudgetDecision.Decision#UNKNOWN} with the reason in
     * {@code error()}. The key needs {@code ingest:write} or {@code analytics:view}.
     */
    public BudgetDecision checkBudget(String agentId, String model, BigDecimal estimatedCost) {
        if (estimatedCost != null && estimatedCost.signum() < 0) {
            return BudgetDecision.unknown("estimatedCost must not be negative, was " + estimatedCost.toPlainString());
        }
        BudgetClient.Answer answer = budgets.check(agentId != null ? agentId : defaultAgent, model, estimatedCost);
        if (answer.error() != null) {
            WarnOnce.warn("budget-check", "Sextant SDK: budget check failed: " + answer.error());
            return BudgetDecision.unknown(answer.error());
        }
        return BudgetDecision.of(answer);
    }

    /**
     * Asks the server, before a call, for the workspace's prediction of {@code target}
     * ({@code interaction_success}, {@code handoff}, {@code code_accepted}, {@code rating},
     * {@code task_duration}, {@code tool_failure}) from what is known now: {@code features} such as
     * {@code agent_id}, {@code trace_name}, {@code message_type}, {@code intent},
     * {@code config_version}, {@code model}, {@code tool_name} (strings), {@code hour_of_day},
     * {@code weekday}, {@code input_length} (whole numbers) and {@code context} (a map of context
     * types). Waits for the server at most the request timeout and never throws: empty when there
     * is no answer (server unreachable, timeout, key refused, features refused; warned once); a
     * prediction with {@code offered()} false when the workspace's model is not offered. The key
     * needs {@code ingest:write} or {@code analytics:view}.
     */
    public java.util.Optional<Prediction> predict(String target, java.util.Map<String, ?> features) {
        if (target == null || target.isBlank()) {
            WarnOnce.warn("predict", "Sextant SDK: predict needs a target");
            return java.util.Optional.empty();
        }
        dev.sextant.sdk.internal.PredictionClient.Answer a = predictions.predict(target, features);
        if (a.error() != null) {
            WarnOnce.warn("predict", "Sextant SDK: prediction failed: " + a.error());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Prediction(target, a.offered(), a.probability(), a.value(), a.modelVersion(),
                a.reason()));
    }

    /**
     * The A/B experiment with this id; {@code experiment(id).variant(unitId)} assigns a unit. The
     * handle is kept per id, so its definition is fetched once per cache TTL (see
     * {@link SextantBuilder#experimentCacheTtl}). The key needs {@code analytics:view}.
     */
    public Experiment experiment(String experimentId) {
        if (experimentId == null) {
            return new Experiment(null, experimentClient, experimentCacheTtl, System::nanoTime);
        }
        return experiments.computeIfAbsent(experimentId,
                id -> new Experiment(id, experimentClient, experimentCacheTtl, System::nanoTime));
    }

    /**
     * The active version of configuration {@code configurationId}: kept for the configuration TTL
     * (builder, default 30 s), then asked again with its ETag, so an unchanged configuration costs
     * a 304. Waits for the server at most the request timeout; never throws: when the server
     * fails, the last good version comes back ({@link AgentConfiguration.Source#LAST_GOOD}), or
     * an empty one before any ({@link AgentConfiguration.Source#NONE}), with {@code error} set.
     * Stamp traces with it through {@link TraceBuilder#configuration}. The key needs
     * {@code ingest:write} or {@code analytics:view}.
     */
    public AgentConfiguration configuration(String configurationId) {
        return configurations.get(configurationId);
    }

    /**
     * As {@link #configuration(String)}, for the configuration of agent {@code agentId} (null: the
     * builder's agent), found once through {@code GET /api/v1/configurations?agent_id=} (the
     * oldest, when the agent has several). An agent without one gets an empty configuration
     * ({@link AgentConfiguration.Source#NONE}) saying so; asked again after the TTL.
     */
    public AgentConfiguration configurationForAgent(String agentId) {
        return configurations.forAgent(agentId != null ? agentId : defaultAgent);
    }

    /**
     * The production version of prompt template {@code templateId}, kept in memory and
     * revalidated with the server (ETag) when older than 30 seconds. The first call, and a
     * revalidation, wait for the server (at most the request timeout); nothing throws: without an
     * answer the last good copy is answered, or a {@link Prompt} whose {@code error()} says why.
     * Rendering is done by the server ({@link Prompt#render}); the key needs {@code ingest:write}
     * or {@code analytics:view}.
     */
    public Prompt prompt(String templateId) {
        return prompts.get(templateId);
    }

    /** The exporter's counters. */
    public Stats stats() {
        return new Stats(exporter.queued(), exporter.sent(), exporter.dropped(), exporter.failed(),
                exporter.retries(), exporter.pending());
    }

    /** Waits until everything recorded before this call was sent or given up on; false if {@code timeout} passed first. */
    public boolean flush(Duration timeout) {
        return exporter.flush(timeout == null ? Duration.ZERO : timeout);
    }

    /** Sends what is queued (waiting up to the close timeout), then stops; later records are dropped and counted. */
    @Override
    public void close() {
        close(closeTimeout);
    }

    /** As {@link #close()}, waiting at most {@code timeout}; false if records were left behind. */
    public boolean close(Duration timeout) {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs (or ran) anyway; closing twice is harmless
            }
        }
        return exporter.close(timeout == null ? Duration.ZERO : timeout);
    }

    Exporter exporter() {
        return exporter;
    }

    String defaultAgent() {
        return defaultAgent;
    }

    /**
     * The learning loop: store learnings and record their applications (through the API, or as a
     * learning span inside a trace). See {@link Learnings}.
     */
    public Learnings learnings() {
        return learnings;
    }
}
