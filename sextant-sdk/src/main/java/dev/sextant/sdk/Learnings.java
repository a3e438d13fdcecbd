package dev.sextant.sdk;

import dev.sextant.sdk.internal.LearningClient;
import dev.sextant.sdk.internal.WarnOnce;
import java.util.Map;

/**
 * The learning loop from an agent: store a learning, and record that it was applied, either
 * right away through the API ({@link #apply}) or inside a trace as a {@code learning} span naming
 * it ({@link #applied}, sent with the trace's other spans). The calls that ask the server wait for
 * it (at most the request timeout) and never throw: a failure is a {@link LearningResult} with an
 * error. Creating needs a key with {@code config:write}; applying {@code ingest:write} or
 * {@code config:write}.
 */
public final class Learnings {
    private final Sextant sextant;
    private final LearningClient client;

    Learnings(Sextant sextant, LearningClient client) {
        this.sextant = sextant;
        this.client = client;
    }

    /** A learning saying {@code statement}; set what else is known and {@link LearningBuilder#create()} it. */
    public LearningBuilder learning(String statement) {
        return new LearningBuilder(this, statement);
    }

    /** Stores a learning with this statement and pattern (e.g. {@code Map.of("items", List.of("tool=search"))}). */
    public LearningResult create(String statement, Map<String, ?> pattern) {
        return learning(statement).pattern(pattern).create();
    }

    /** Records that {@code learningId} was applied in trace {@code traceId}; the trace's outcome will count. */
    public LearningResult apply(String learningId, String traceId) {
        return send(learningId, traceId, null);
    }

    /** Records an application with its outcome known now. */
    public LearningResult apply(String learningId, String traceId, boolean succeeded) {
        return send(learningId, traceId, succeeded ? "success" : "failure");
    }

    /**
     * A {@code learning} span marking that {@code learningId} was applied ({@code learning_id} and
     * {@code applied: true} set): give it a parent trace or span (else the current one) and
     * {@code record()} it; add {@code attribute("outcome", "success")} when the outcome is known.
     */
    public SpanBuilder applied(String learningId) {
        return sextant.learning("apply " + learningId).attribute("learning_id", learningId).attribute("applied", true);
    }

    /** Marks inside {@code trace} that {@code learningId} was applied: a learning span, recorded now. */
    public Span applied(Trace trace, String learningId) {
        return applied(learningId).parent(trace).record();
    }

    LearningResult create(LearningClient.NewLearning learning) {
        if (learning.statement() == null || learning.statement().isBlank()) {
            return LearningResult.failed("a learning needs a statement");
        }
        LearningClient.Answer a = client.create(learning);
        return result(a, "learning-create");
    }

    private LearningResult send(String learningId, String traceId, String outcome) {
        if (learningId == null || traceId == null) {
            return LearningResult.failed("learningId and traceId are both required");
        }
        return result(client.apply(learningId, traceId, outcome), "learning-apply");
    }

    private static LearningResult result(LearningClient.Answer a, String warning) {
        if (a.error() != null) {
            WarnOnce.warn(warning, "Sextant SDK: " + warning.replace('-', ' ') + " failed: " + a.error());
            return LearningResult.failed(a.error());
        }
        return new LearningResult(true, a.id(), a.outcome(), null);
    }
}
