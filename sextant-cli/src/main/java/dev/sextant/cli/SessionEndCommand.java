package dev.sextant.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code session end}: ends the trace and the session; the rating becomes a {@code user_rating} score. */
@Command(name = "end", mixinStandardHelpOptions = true,
        description = "End the session and its trace (ended now, status ok), with a user_rating score and tags.",
        footer = {"", ExitCode.HELP})
final class SessionEndCommand extends SessionAction {
    @Option(names = "--feedback", paramLabel = "1..5", converter = Converters.Feedback.class,
            description = "How well the session went, 1 (bad) to 5 (great): a user_rating score.")
    Integer feedback;

    @Option(names = "--text", paramLabel = "TEXT", converter = Converters.Text.class,
            description = "A comment on the rating (with --feedback).")
    String text;

    @Option(names = "--tags", paramLabel = "TAG", split = ",", splitSynopsisLabel = ",", converter = Converters.Name.class,
            description = "Tags of the session's trace, comma-separated.")
    List<String> tags;

    @Option(names = "--session", paramLabel = "ID", converter = Converters.Id.class,
            description = "The session (default: the current one).")
    String session;

    @Override
    public Integer call() {
        if (text != null && feedback == null) {
            throw new ParameterException(spec.commandLine(), "--text is the comment of a rating: give --feedback 1..5 with it");
        }
        String sessionId = sessionId(session);
        SessionState current = SessionState.load(statePath());
        Instant now = Instant.now();
        Batch batch = new Batch();
        ObjectNode trace = batch.add("trace");
        trace.put("id", sessionId);
        trace.put("session_id", sessionId);
        trace.put("ended_at", now.toString());
        trace.put("status", "ok");
        if (tags != null) {
            ArrayNode array = trace.putArray("tags");
            tags.forEach(array::add);
        }
        ObjectNode sessionBody = batch.add("session");
        sessionBody.put("id", sessionId);
        sessionBody.put("ended_at", now.toString());
        if (feedback != null) {
            ObjectNode score = batch.add("score");
            score.put("id", id("rating"));
            score.put("trace_id", sessionId);
            score.put("name", "user_rating");
            score.put("value", feedback);
            SessionStartCommand.putIfSet(score, "comment", text);
            score.put("source", "user");
        }
        send(batch);
        boolean wasCurrent = current != null && current.sessionId().equals(sessionId);
        if (wasCurrent) {
            PrivateFile.delete(statePath());
        }
        String took = wasCurrent && current.startedAt() != null
                ? " after " + Duration.between(current.startedAt(), now).toSeconds() + " s" : "";
        out().println("Session " + sessionId + " ended" + took + (feedback == null ? "" : ", rated " + feedback + "/5") + ".");
        return ExitCode.OK;
    }
}
