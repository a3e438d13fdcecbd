package dev.sextant.ingest;

import dev.sextant.model.Trace;
import java.time.Instant;

/** A {@code trace} item's body → {@link Trace}. */
final class TraceReader {
    private TraceReader() {}

    /** Null when the body has problems (recorded in the reader). */
    static Trace read(FieldReader f, Instant receivedAt) {
        String id = f.id("id", true);
        Instant startedAt = f.time("started_at");
        Instant endedAt = f.time("ended_at");
        Wire.endNotBeforeStart(f, startedAt, endedAt);
        if (startedAt == null && f.value("started_at") == null) {
            // Not sent: the time we received it, but never after an end the client did send.
            startedAt = endedAt != null && endedAt.isBefore(receivedAt) ? endedAt : receivedAt;
        }
        Trace trace = new Trace(id,
                f.id("agent_id", false), f.id("session_id", false), f.id("conversation_id", false),
                f.id("user_id", false), f.name("name"), f.text("input"), f.text("output"),
                Wire.status(f), f.text("error"), startedAt, endedAt, f.name("message_type"),
                Wire.intents(f), f.unitInterval("confidence"), Wire.handoff(f),
                f.nonNegativeInt("context_size"), f.name("config_version"), f.name("experiment_id"),
                f.name("variant_id"), f.names("tags"), f.json("metadata"));
        return f.problems().any() ? null : trace;
    }
}
