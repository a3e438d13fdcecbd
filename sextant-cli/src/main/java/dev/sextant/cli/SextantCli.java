package dev.sextant.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sextant login | session ...}: track an AI-assisted working session from a shell by
 * sending it to a running Sextant server. The environment is passed in (not read from
 * {@link System#getenv()} inside the commands) so tests run the commands in-process.
 */
@Command(name = "sextant", mixinStandardHelpOptions = true, version = "sextant-cli 0.1.0",
        description = "Track an AI-assisted working session in a running Sextant server and read its analytics.",
        subcommands = {LoginCommand.class, SessionCommand.class, ExportCommand.class, DashboardCommand.class,
                TrendsCommand.class, InsightsCommand.class, AlertsCommand.class, TrainingCommand.class, HpoCommand.class,
                ModelsCommand.class, DatasetsCommand.class, LearningCommand.class},
        footer = {"", "Server and key: SEXTANT_URL and SEXTANT_API_KEY, else the file written by login "
                + "($SEXTANT_CONFIG, else ~/.config/sextant/config.json).", ExitCode.HELP})
public final class SextantCli implements Runnable {
    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final String userHome;

    SextantCli(Map<String, String> env, String userHome) {
        this.env = Map.copyOf(env);
        this.userHome = userHome;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), System.getProperty("user.home")).execute(args));
    }

    /** The command line with the CLI's error handling; {@code execute(args)} returns the exit code. */
    static CommandLine commandLine(Map<String, String> env, String userHome) {
        CommandLine cl = new CommandLine(new SextantCli(env, userHome));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof CliException cli) {
                err.println("sextant: " + cli.getMessage());
                err.flush();
                return cli.exitCode();
            }
            throw e;
        });
        return cl;
    }

    Map<String, String> env() {
        return env;
    }

    ConfigFile configFile() {
        return ConfigFile.locate(env, userHome);
    }

    /** A client for the server and key of the environment or the login file (the analytics commands). */
    SextantClient client() {
        return new SextantClient(Connection.resolve(env, configFile()));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: login, session, export, dashboard, trends, insights, alerts, training, hpo, models or datasets");
    }
}
