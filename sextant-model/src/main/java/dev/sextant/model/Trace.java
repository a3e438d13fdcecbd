package dev.sextant.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One agent execution (an interaction), as the client sent it. A null field means "not sent":
 * when the same id arrives again, {@link #mergedWith} keeps what the newer copy leaves out.
 * {@code metadata} is a JSON object as text.
 */
public record Trace(
        String id,
        String agentId,
        String sessionId,
        String conversationId,
        String userId,
        String name,
        String input,
        String output,
        Status status,
        String error,
        Instant startedAt,
        Instant endedAt,
        String messageType,
        List<Intent> intents,
        Double confidence,
        Handoff handoff,
        Integer contextSize,
        String configVersion,
        String experimentId,
        String variantId,
        List<String> tags,
        String metadata) {

    public Trace {
        intents = intents == null ? null : List.copyOf(intents);
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** Milliseconds between start and end, or null while either is unknown. */
    public Long durationMs() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt).toMillis();
    }

    /** This trace updated by a newer copy of itself: the newer copy's fields win where present. */
    public Trace mergedWith(Trace newer) {
        return new Trace(id,
                pick(newer.agentId, agentId), pick(newer.sessionId, sessionId),
                pick(newer.conversationId, conversationId), pick(newer.userId, userId),
                pick(newer.name, name), pick(newer.input, input), pick(newer.output, output),
                pick(newer.status, status), pick(newer.error, error),
                pick(newer.startedAt, startedAt), pick(newer.endedAt, endedAt),
                pick(newer.messageType, messageType), pick(newer.intents, intents),
                pick(newer.confidence, confidence), pick(newer.handoff, handoff),
                pick(newer.contextSize, contextSize), pick(newer.configVersion, configVersion),
                pick(newer.experimentId, experimentId), pick(newer.variantId, variantId),
                pick(newer.tags, tags), pick(newer.metadata, metadata));
    }

    static <T> T pick(T newer, T older) {
        return newer != null ? newer : older;
    }
}
