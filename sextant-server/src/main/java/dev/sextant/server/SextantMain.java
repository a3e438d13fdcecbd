package dev.sextant.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sextant serve [--demo] [--data DIR] [--port N]}: the jar's entry point. */
@Command(name = "sextant", mixinStandardHelpOptions = true, version = "Sextant 0.1.0",
        description = "Self-hosted analytics for AI agents.", subcommands = SextantMain.Serve.class)
public final class SextantMain implements Runnable {

    public static void main(String[] args) {
        int exit = new CommandLine(new SextantMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Runs the server (embedded DuckDB unless SEXTANT_DB_URL is set).")
    static final class Serve implements Callable<Integer> {

        @Option(names = "--demo", description = "Load the demo workspace (once) and print a demo key.")
        boolean demo;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Data directory (default: SEXTANT_DATA_DIR or ./.sextant).")
        Path data;

        @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: SEXTANT_PORT or 7070).")
        Integer port;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>();
            if (demo) {
                args.add("--sextant.demo=true");
            }
            if (data != null) {
                args.add("--sextant.data-dir=" + data);
            }
            if (port != null) {
                if (port < 0 || port > 65535) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--port must be between 0 and 65535, was " + port);
                }
                args.add("--sextant.port=" + port);
            }
            try {
                SextantApplication.start(args.toArray(String[]::new));
                return 0;
            } catch (RuntimeException e) {
                // Spring Boot has already reported why (failure analysis or the exception).
                return 1;
            }
        }
    }
}
