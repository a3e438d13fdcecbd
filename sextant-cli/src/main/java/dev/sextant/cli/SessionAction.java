package dev.sextant.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every session command shares: the connection, the current session, sending a batch. */
abstract class SessionAction implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    SextantCli root() {
        return (SextantCli) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    Path statePath() {
        return root().configFile().statePath();
    }

    /** The session named by {@code --session}, else the current one from {@code session start}. */
    String sessionId(String given) {
        if (given != null) {
            return given;
        }
        SessionState state = SessionState.load(statePath());
        if (state == null) {
            throw new CliException(ExitCode.NOT_CONFIGURED, "no current session: run ./sextant session start --id ID first, "
                    + "or name the session with --session ID");
        }
        return state.sessionId();
    }

    /** Sends the batch; a 207 prints each refused item and fails with exit code 1. */
    IngestAnswer send(Batch batch) {
        Connection connection = Connection.resolve(root().env(), root().configFile());
        IngestAnswer answer = new SextantClient(connection).ingest(batch.items());
        if (!answer.rejected().isEmpty()) {
            StringBuilder message = new StringBuilder("the server at " + connection.url() + " stored " + answer.accepted()
                    + " of " + batch.items().size() + " records and refused " + answer.rejected().size() + ":");
            answer.rejected().forEach(r -> message.append("\n  ").append(r));
            throw new CliException(ExitCode.REFUSED, message.toString());
        }
        return answer;
    }

    static String id(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID();
    }
}
