package dev.sextant.cli;

import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code session start}: a session and its working trace (same id), remembered as the current session. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a working session: sends the session and its trace (same id), and remembers it as "
                + "the current session so later commands need no id.",
        footer = {"", ExitCode.HELP})
final class SessionStartCommand extends SessionAction {
    @Option(names = "--id", paramLabel = "ID", required = true, converter = Converters.Id.class,
            description = "The session's id, 1-256 characters; also the id of its trace.")
    String id;

    @Option(names = "--context", paramLabel = "JSON", converter = Converters.JsonObject.class,
            description = "What the session is about, as a JSON object, e.g. '{\"ticket\": \"SX-12\"}'.")
    JsonNode context;

    @Option(names = "--agent", paramLabel = "NAME", converter = Converters.Name.class,
            description = "The assistant or agent used (e.g. claude-code).")
    String agent;

    @Option(names = "--user", paramLabel = "NAME", converter = Converters.Name.class,
            description = "Who works in the session.")
    String user;

    @Override
    public Integer call() {
        SessionState previous = SessionState.load(statePath());
        // Starting the current session again keeps its start: a repeated command must not move it.
        Instant now = previous != null && previous.sessionId().equals(id) && previous.startedAt() != null
                ? previous.startedAt() : Instant.now();
        Batch batch = new Batch();
        ObjectNode session = batch.add("session");
        session.put("id", id);
        putIfSet(session, "agent_id", agent);
        putIfSet(session, "user_id", user);
        if (context != null) {
            session.set("context", context);
        }
        session.put("started_at", now.toString());
        ObjectNode trace = batch.add("trace");
        trace.put("id", id);
        trace.put("session_id", id);
        trace.put("name", "working session");
        putIfSet(trace, "agent_id", agent);
        putIfSet(trace, "user_id", user);
        trace.put("started_at", now.toString());
        if (context != null) {
            trace.set("metadata", context); // the read API shows traces, not sessions: keep the context visible
        }
        send(batch);
        new SessionState(id, now).save(statePath());
        if (previous != null && !previous.sessionId().equals(id)) {
            out().println("Note: session " + previous.sessionId() + " was not ended; " + id + " is now the current session.");
        }
        out().println("Session " + id + " started (trace " + id + ").");
        return ExitCode.OK;
    }

    static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
