package dev.sextant.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

    @Option(names = "--context-item", paramLabel = "TYPE=VALUE",
            description = "A typed context item, repeatable: e.g. --context-item task_type=bugfix --context-item "
                    + "files_open=A.java --context-item files_open=B.java. Types are lower-case identifiers; a number or"
                    + " true/false given once is sent as such; a type given more than once becomes a list.")
    List<String> contextItems;

    @Option(names = "--git", paramLabel = "DIR", arity = "0..1", fallbackValue = ".",
            description = "Add the git context of DIR (default: the working directory): git_branch, git_dirty_files,"
                    + " git_ahead, git_behind, git_last_commit_files.")
    Path git;

    @Option(names = "--agent", paramLabel = "NAME", converter = Converters.Name.class,
            description = "The assistant or agent used (e.g. claude-code).")
    String agent;

    @Option(names = "--user", paramLabel = "NAME", converter = Converters.Name.class,
            description = "Who works in the session.")
    String user;

    @Override
    public Integer call() {
        JsonNode context = context();
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

    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.]{0,63}");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?");

    /** --context, then the --context-item entries (overriding its types), then the git items. */
    private JsonNode context() {
        if (contextItems == null && git == null) {
            return this.context;
        }
        ObjectNode merged = this.context == null ? Json.MAPPER.createObjectNode() : ((ObjectNode) this.context).deepCopy();
        if (contextItems != null) {
            Map<String, List<String>> byType = new LinkedHashMap<>();
            for (String item : contextItems) {
                int eq = item.indexOf('=');
                String type = eq < 0 ? item : item.substring(0, eq);
                if (eq < 0 || !TYPE.matcher(type).matches()) {
                    throw new CliException(ExitCode.USAGE, "--context-item must be TYPE=VALUE with TYPE a lower-case"
                            + " identifier matching [a-z][a-z0-9_.]{0,63}, was '" + item + "'");
                }
                byType.computeIfAbsent(type, k -> new ArrayList<>()).add(item.substring(eq + 1));
            }
            byType.forEach((type, values) -> {
                if (values.size() > 1) {
                    values.forEach(merged.putArray(type)::add);
                    return;
                }
                String value = values.getFirst();
                if (NUMBER.matcher(value).matches()) {
                    merged.put(type, new java.math.BigDecimal(value));
                } else if (value.equals("true") || value.equals("false")) {
                    merged.put(type, Boolean.parseBoolean(value));
                } else {
                    merged.put(type, value);
                }
            });
        }
        if (git != null) {
            GitContext.addTo(merged, git);
        }
        return merged;
    }

    static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
