package dev.sextant.sdk;

import dev.sextant.sdk.internal.LearningClient;
import java.util.Map;

/** A learning to store: its statement and what else is known; {@link #create()} sends it. */
public final class LearningBuilder {
    private final Learnings learnings;
    private final String statement;
    private String id;
    private String agentId;
    private Map<String, ?> pattern;
    private Double support;
    private Double confidence;
    private Double lift;
    private Long n;
    private String source;
    private Double initialConfidence;

    LearningBuilder(Learnings learnings, String statement) {
        this.learnings = learnings;
        this.statement = statement;
    }

    /** The client's own id (else the server makes one). */
    public LearningBuilder id(String id) {
        this.id = id;
        return this;
    }

    public LearningBuilder agent(String agentId) {
        this.agentId = agentId;
        return this;
    }

    /** The pattern, e.g. {@code Map.of("items", List.of("tool=search"), "outcome", "success")}. */
    public LearningBuilder pattern(Map<String, ?> pattern) {
        this.pattern = pattern;
        return this;
    }

    /** The evidence behind it: support, confidence and lift of the pattern over {@code n} observations, and where it came from. */
    public LearningBuilder evidence(Double support, Double confidence, Double lift, Long n, String source) {
        this.support = support;
        this.confidence = confidence;
        this.lift = lift;
        this.n = n;
        this.source = source;
        return this;
    }

    public LearningBuilder initialConfidence(double initialConfidence) {
        this.initialConfidence = initialConfidence;
        return this;
    }

    /** Stores it; waits for the server, never throws. */
    public LearningResult create() {
        return learnings.create(new LearningClient.NewLearning(id, agentId, statement, pattern, support, confidence,
                lift, n, source, initialConfidence));
    }
}
