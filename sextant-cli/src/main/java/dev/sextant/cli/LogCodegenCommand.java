package dev.sextant.cli;

import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code session log-codegen}: generated code as a {@code code_generation} span, with an {@code accepted} score if judged. */
@Command(name = "log-codegen", mixinStandardHelpOptions = true,
        description = "Log code the assistant generated: a code_generation span, plus an 'accepted' score "
                + "(1 or 0) when --accepted or --rejected is given.",
        footer = {"", ExitCode.HELP})
final class LogCodegenCommand extends SessionAction {
    @Option(names = "--file", paramLabel = "F", required = true, converter = Converters.Name.class,
            description = "The file written or changed.")
    String file;

    @Option(names = "--type", paramLabel = "TYPE", required = true, converter = Converters.Type.class,
            description = "One of migration, function, class, test, config.")
    CodegenType type;

    @Option(names = "--lines", paramLabel = "N", converter = Converters.Lines.class,
            description = "How many lines were generated.")
    Integer lines;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Verdict verdict;

    static final class Verdict {
        @Option(names = "--accepted", required = true, description = "The code was kept.")
        boolean accepted;

        @Option(names = "--rejected", required = true, description = "The code was thrown away.")
        boolean rejected;
    }

    @Option(names = "--session", paramLabel = "ID", converter = Converters.Id.class,
            description = "The session (default: the current one).")
    String session;

    @Override
    public Integer call() {
        String sessionId = sessionId(session);
        String now = Instant.now().toString();
        Batch batch = new Batch();
        ObjectNode span = batch.add("span");
        String spanId = id("codegen");
        span.put("id", spanId);
        span.put("trace_id", sessionId);
        span.put("kind", "code_generation");
        span.put("name", file);
        span.put("status", "ok");
        span.put("started_at", now);
        span.put("ended_at", now);
        ObjectNode attributes = span.putObject("attributes");
        attributes.put("file", file);
        attributes.put("type", type.wire());
        if (lines != null) {
            attributes.put("lines", lines);
        }
        if (verdict != null) {
            ObjectNode score = batch.add("score");
            score.put("id", id("accepted"));
            score.put("trace_id", sessionId);
            score.put("span_id", spanId);
            score.put("name", "accepted");
            score.put("value", verdict.accepted);
            score.put("source", "user");
        }
        send(batch);
        out().println("Logged " + type.wire() + " " + file + (lines == null ? "" : " (" + lines + " lines)")
                + (verdict == null ? "" : verdict.accepted ? ", accepted" : ", rejected") + " in session " + sessionId
                + " as span " + spanId + ".");
        return ExitCode.OK;
    }
}
