package dev.sextant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sextant training runs | show | log}: training runs from a shell. */
@Command(name = "training", mixinStandardHelpOptions = true,
        description = "Training runs: list them, read one with its quality and prediction, log a metric by hand, import a training log.",
        subcommands = {TrainingRunsCommand.class, TrainingShowCommand.class, TrainingLogCommand.class, TrainingImportCommand.class,
                TrainingEfficiencyCommand.class},
        footer = {"", ExitCode.HELP})
final class TrainingCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a training command is required: runs, show, log, import or efficiency");
    }
}
