package dev.sextant.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant learning export}: every interaction of the window with its context and outcome,
 * as JSON Lines, read page by page from {@code GET /api/v1/context/export} (keyset cursor), with
 * a progress bar on stderr (me.tongfei:progressbar) sized by the server's {@code total}. The file
 * appears only when the export is complete ({@code FILE.part} renamed at the end).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write every interaction with its context and outcome as JSON Lines.",
        footer = {"", "One line per interaction: trace_id, agent_id, started_at, context (type -> values, or a number),"
                + " outcome (success, handoff, duration_ms, cost_usd, rating). The key needs analytics:view. " + ExitCode.HELP})
final class LearningExportCommand implements Callable<Integer> {
    static final int PAGE = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--from", paramLabel = "TIME", description = "RFC 3339, inclusive (default: 30 days before --to).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "RFC 3339, exclusive (default: now).")
    String to;

    @Option(names = "--agent", paramLabel = "ID", converter = Converters.Name.class, description = "Only this agent's interactions.")
    String agent;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        PrintWriter err = spec.commandLine().getErr();
        Path part = out.resolveSibling(out.getFileName() + ".part");
        Map<String, String> parameters = new LinkedHashMap<>();
        if (from != null) {
            parameters.put("from", from);
        }
        if (to != null) {
            parameters.put("to", to);
        }
        if (agent != null) {
            parameters.put("agent_id", agent);
        }
        parameters.put("limit", Integer.toString(PAGE));
        long written = 0;
        try (BufferedWriter file = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            JsonNode page = client.read("/api/v1/context/export", parameters, "export the learning data");
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Exporting").setInitialMax(page.path("total").asLong())
                    .setUnit(" interactions", 1).setUpdateIntervalMillis(200)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        err.print('\r' + line);
                        err.flush();
                    }, 100)).build()) {
                while (true) {
                    for (JsonNode item : page.path("interactions")) {
                        file.write(item.toString());
                        file.write('\n');
                        written++;
                        bar.step();
                    }
                    JsonNode next = page.path("next_cursor");
                    if (next.isNull() || next.isMissingNode()) {
                        break;
                    }
                    parameters.put("cursor", next.asString());
                    page = client.read("/api/v1/context/export", parameters, "export the learning data");
                }
                bar.maxHint(written);
            }
            err.println();
        } catch (IOException e) {
            deleteQuietly(part);
            throw new CliException(ExitCode.USAGE, "could not write " + part + ": " + e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
        try {
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "could not move " + part + " to " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("Wrote " + written + " interactions to " + out + ".");
        return ExitCode.OK;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the export failed already; the .part file is left for the user to remove
        }
    }
}
