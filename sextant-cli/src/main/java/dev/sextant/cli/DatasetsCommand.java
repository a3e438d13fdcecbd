package dev.sextant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sextant datasets upload | report}: training datasets and their quality reports. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Training datasets: upload one and get its quality score, read its report.",
        subcommands = {DatasetsUploadCommand.class, DatasetsReportCommand.class},
        footer = {"", ExitCode.HELP})
final class DatasetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a datasets command is required: upload or report");
    }
}
