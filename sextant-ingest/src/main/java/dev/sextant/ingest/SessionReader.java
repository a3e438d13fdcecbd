package dev.sextant.ingest;

import dev.sextant.model.Session;
import java.time.Instant;

/** A {@code session} item's body → {@link Session}. */
final class SessionReader {
    private SessionReader() {}

    static Session read(FieldReader f) {
        String id = f.id("id", true);
        Instant startedAt = f.time("started_at");
        Instant endedAt = f.time("ended_at");
        Wire.endNotBeforeStart(f, startedAt, endedAt);
        Session session = new Session(id, f.id("user_id", false), f.id("agent_id", false), f.json("context"),
                startedAt, endedAt);
        return f.problems().any() ? null : session;
    }
}
