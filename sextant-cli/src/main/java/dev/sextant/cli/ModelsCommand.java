package dev.sextant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sextant models timeline}: model versions from a shell. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Model versions: an agent's evolution timeline.",
        subcommands = {ModelsTimelineCommand.class},
        footer = {"", ExitCode.HELP})
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a models command is required: timeline");
    }
}
