package dev.sextant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sextant hpo studies | suggest}: hyperparameter studies from a shell. */
@Command(name = "hpo", mixinStandardHelpOptions = true,
        description = "Hyperparameter optimization studies: list them, ask for the next trial.",
        subcommands = {HpoStudiesCommand.class, HpoSuggestCommand.class},
        footer = {"", ExitCode.HELP})
final class HpoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an hpo command is required: studies or suggest");
    }
}
