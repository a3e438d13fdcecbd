package dev.sextant.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs the CLI in-process, as {@code main} would, with a chosen environment and a temporary config directory. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {}

    private final Map<String, String> env = new HashMap<>();
    private final Path home;

    CliRunner(Path dir) {
        this.home = dir.resolve("home");
        env.put(ConfigFile.CONFIG_ENV, dir.resolve("config").resolve("config.json").toString());
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path configFile() {
        return Path.of(env.get(ConfigFile.CONFIG_ENV));
    }

    Path stateFile() {
        return configFile().resolveSibling("session.json");
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SextantCli.commandLine(env, home.toString());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
