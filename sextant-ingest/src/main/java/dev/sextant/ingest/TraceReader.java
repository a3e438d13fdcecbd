package dev.sextant.ingest;

import dev.sextant.model.Trace;
import java.time.Instant;

/** A {@code trace} item's body → {@link Trace}. */
final class TraceReader {
    private TraceReader() {}

    /** Null when the body has problems (recorded in the reader). */
    static Trace read(FieldReader f) {
        String id = f.id("id", true);
        // Not sent stays null: the store settles the start of a new trace (its earliest span, or
        // when it was written but never after its end) and keeps a stored one, so a later copy
        // without started_at no longer moves the start to the time that copy arrived.
        Instant startedAt = f.time("started_at");
        Instant endedAt = f.time("ended_at");
        Wire.endNotBeforeStart(f, startedAt, endedAt);
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
