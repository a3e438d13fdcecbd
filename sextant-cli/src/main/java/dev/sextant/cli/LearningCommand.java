package dev.sextant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sextant learning export | ...}: the learning data (interactions with their context and outcome). */
@Command(name = "learning", mixinStandardHelpOptions = true,
        description = "The learning data: export every interaction with its context and outcome.",
        subcommands = {LearningExportCommand.class},
        footer = {"", ExitCode.HELP})
final class LearningCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a learning command is required: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }
}
