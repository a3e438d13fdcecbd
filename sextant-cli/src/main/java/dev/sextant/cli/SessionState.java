package dev.sextant.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The current session, remembered by {@code session start} so later commands need no id. The
 * session's working trace has the session's id (traces and sessions are separate record types).
 */
record SessionState(String sessionId, Instant startedAt) {

    String traceId() {
        return sessionId;
    }

    /** The current session, or null when none was started (or it was ended). */
    static SessionState load(Path path) {
        JsonNode node = PrivateFile.readJson(path);
        if (node == null) {
            return null;
        }
        JsonNode id = node.get("session_id");
        JsonNode started = node.get("started_at");
        if (id == null || !id.isString() || id.asString().isBlank()) {
            throw new CliException(ExitCode.NOT_CONFIGURED, path + " has no session_id; delete it and run session start again");
        }
        Instant startedAt = null;
        if (started != null && started.isString()) {
            try {
                startedAt = Instant.parse(started.asString());
            } catch (DateTimeParseException e) {
                startedAt = null; // only used to print the duration at the end
            }
        }
        return new SessionState(id.asString(), startedAt);
    }

    void save(Path path) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("session_id", sessionId);
        node.put("trace_id", traceId());
        node.put("started_at", startedAt.toString());
        PrivateFile.writeJson(path, node);
    }
}
