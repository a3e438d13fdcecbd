package dev.sextant.cli;

import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.node.ObjectNode;

/** {@code session log-tool}: one tool call as a {@code tool} span of the session's trace. */
@Command(name = "log-tool", mixinStandardHelpOptions = true,
        description = "Log a tool call of the session: a tool span ending now that lasted --time-ms.",
        footer = {"", ExitCode.HELP})
final class LogToolCommand extends SessionAction {
    @Option(names = "--tool", paramLabel = "NAME", required = true, converter = Converters.Name.class,
            description = "The tool's name (e.g. run_tests).")
    String tool;

    @Option(names = "--success", paramLabel = "true|false", required = true, arity = "1", converter = Converters.StrictBoolean.class,
            description = "Whether the call succeeded.")
    Boolean success;

    @Option(names = "--time-ms", paramLabel = "MS", required = true, converter = Converters.Millis.class,
            description = "How long the call took, 0 to 86400000 ms.")
    Long timeMs;

    @Option(names = "--error", paramLabel = "TEXT", converter = Converters.Text.class,
            description = "What went wrong (only with --success false).")
    String error;

    @Option(names = "--session", paramLabel = "ID", converter = Converters.Id.class,
            description = "The session (default: the current one).")
    String session;

    @Override
    public Integer call() {
        if (error != null && success) {
            throw new ParameterException(spec.commandLine(), "--error describes a failure: give it with --success false");
        }
        String sessionId = sessionId(session);
        Instant end = Instant.now();
        Batch batch = new Batch();
        ObjectNode span = batch.add("span");
        String spanId = id("tool");
        span.put("id", spanId);
        span.put("trace_id", sessionId);
        span.put("kind", "tool");
        span.put("name", tool);
        span.put("tool_name", tool);
        span.put("status", success ? "ok" : "error");
        SessionStartCommand.putIfSet(span, "error", error);
        span.put("started_at", end.minusMillis(timeMs).toString());
        span.put("ended_at", end.toString());
        send(batch);
        out().println("Logged tool " + tool + " (" + (success ? "ok" : "error") + ", " + timeMs + " ms) in session "
                + sessionId + " as span " + spanId + ".");
        return ExitCode.OK;
    }
}
