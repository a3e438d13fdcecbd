package dev.sextant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sextant session start | log-tool | log-codegen | end}. */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "Start, log to and end a working session (a session and its working trace).",
        subcommands = {SessionStartCommand.class, LogToolCommand.class, LogCodegenCommand.class, SessionEndCommand.class},
        footer = {"", ExitCode.HELP})
final class SessionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a session command is required: start, log-tool, log-codegen or end");
    }
}
