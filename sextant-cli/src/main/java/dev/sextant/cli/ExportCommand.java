package dev.sextant.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant export}: downloads traces, spans or scores from {@code GET /api/v1/export} into a
 * file, streamed (constant memory), with a progress line of rows and bytes on stderr. The file
 * appears only when the download is complete ({@code FILE.part} renamed at the end).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Download traces, spans or scores (of the selected traces) as CSV or JSON Lines.",
        footer = {"", "The key must carry the analytics:view scope. Filters are those of GET /api/v1/interactions. "
                + ExitCode.HELP})
final class ExportCommand implements Callable<Integer> {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long PROGRESS_EVERY_BYTES = 1 << 20;

    @Spec
    CommandSpec spec;

    enum Entity { traces, spans, scores }

    enum Format { csv, jsonl, parquet }

    @Option(names = "--entity", required = true, paramLabel = "ENTITY", description = "traces, spans or scores.")
    Entity entity;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "csv, jsonl or parquet (parquet: servers on the embedded DuckDB store).")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--agent-id", paramLabel = "ID") String agentId;
    @Option(names = "--conversation-id", paramLabel = "ID") String conversationId;
    @Option(names = "--session-id", paramLabel = "ID") String sessionId;
    @Option(names = "--user-id", paramLabel = "ID") String userId;
    @Option(names = "--model", paramLabel = "MODEL") String model;
    @Option(names = "--tag", paramLabel = "TAG") String tag;
    @Option(names = "--status", paramLabel = "STATUS", description = "ok, error or unset.") String status;
    @Option(names = "--message-type", paramLabel = "TYPE") String messageType;
    @Option(names = "--from", paramLabel = "TIME", description = "RFC 3339, inclusive, on the trace start.") String from;
    @Option(names = "--to", paramLabel = "TIME", description = "RFC 3339, exclusive.") String to;
    @Option(names = "--min-confidence", paramLabel = "X") String minConfidence;
    @Option(names = "--max-confidence", paramLabel = "X") String maxConfidence;
    @Option(names = "--handoff", paramLabel = "true|false") String handoff;

    @Override
    public Integer call() {
        SextantCli root = (SextantCli) spec.root().userObject();
        Connection connection = Connection.resolve(root.env(), root.configFile());
        URI uri = URI.create(connection.url() + "/api/v1/export?" + query());
        HttpRequest request = HttpRequest.newBuilder(uri).GET()
                .header("Authorization", "Bearer " + connection.apiKey()).build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(connection, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.REFUSED, "interrupted while waiting for " + connection.url());
        }
        if (response.statusCode() != 200) {
            throw refused(connection, response);
        }
        PrintWriter err = spec.commandLine().getErr();
        Path part = out.resolveSibling(out.getFileName() + ".part");
        Counter counter = new Counter(format);
        try (InputStream body = response.body()) {
            try (OutputStream file = Files.newOutputStream(part)) {
                byte[] buffer = new byte[64 * 1024];
                long nextProgress = PROGRESS_EVERY_BYTES;
                for (int n; (n = body.read(buffer)) != -1; ) {
                    file.write(buffer, 0, n);
                    counter.count(buffer, n);
                    if (counter.bytes >= nextProgress) {
                        err.print("\rexporting " + entity + ": " + counter.progress());
                        err.flush();
                        nextProgress += PROGRESS_EVERY_BYTES;
                    }
                }
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new CliException(ExitCode.REFUSED, "the export from " + connection.url() + " broke off after "
                    + counter.bytes + " bytes (" + e.getMessage() + "); " + out + " was not written, run the command again.");
        }
        err.println("\rexported " + entity + ": " + counter.progress());
        err.flush();
        spec.commandLine().getOut().println("Wrote " + (format == Format.parquet ? counter.bytes + " bytes of "
                : counter.rows() + " ") + entity + " (" + format + ") to " + out
                + "; data as of " + response.headers().firstValue("Sextant-Data-As-Of").orElse("?") + ".");
        return ExitCode.OK;
    }

    private String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("entity", entity.name());
        params.put("format", format.name());
        params.put("agent_id", agentId);
        params.put("conversation_id", conversationId);
        params.put("session_id", sessionId);
        params.put("user_id", userId);
        params.put("model", model);
        params.put("tag", tag);
        params.put("status", status);
        params.put("message_type", messageType);
        params.put("from", from);
        params.put("to", to);
        params.put("min_confidence", minConfidence);
        params.put("max_confidence", maxConfidence);
        params.put("handoff", handoff);
        return QueryString.of(params).substring(1);
    }

    private static CliException unreachable(Connection connection, IOException e) {
        String why = e instanceof java.net.ConnectException ? "connection refused"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new CliException(ExitCode.UNREACHABLE, "cannot reach the Sextant server at " + connection.url() + " ("
                + why + "). Is it running (./sextant serve)? The URL comes from " + Connection.URL_ENV
                + " or the config file written by ./sextant login.");
    }

    private static CliException refused(Connection connection, HttpResponse<InputStream> response) {
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "";
        }
        String detail;
        try {
            var json = Json.MAPPER.readTree(body);
            detail = json.path("detail").isString() ? json.path("detail").asString() : body;
        } catch (RuntimeException e) {
            detail = body;
        }
        int status = response.statusCode();
        return switch (status) {
            case 400 -> new CliException(ExitCode.USAGE, "the server refused the export options: " + detail);
            case 401 -> new CliException(ExitCode.BAD_KEY, "the server at " + connection.url()
                    + " refused the API key (401: unknown, revoked or garbled). Check " + Connection.KEY_ENV
                    + " or run ./sextant login again with a valid key.");
            case 403 -> new CliException(ExitCode.BAD_KEY, "the API key may not export at " + connection.url()
                    + ": " + detail + ". Use a key with analytics:view (SEXTANT_API_KEY).");
            default -> new CliException(ExitCode.REFUSED, "the server at " + connection.url()
                    + " could not export: " + status + " " + detail);
        };
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the .part file is left behind; the message says the export failed
        }
    }

    /**
     * Counts bytes and rows as they stream by: JSON Lines has one row per line; CSV one record
     * per line break outside quotes (RFC 4180 quotes fields with line breaks), less the header.
     */
    static final class Counter {
        private final boolean csv;
        private final boolean binary;
        private boolean inQuotes;
        long bytes;
        private long lines;

        Counter(Format format) {
            this.csv = format == Format.csv;
            this.binary = format == Format.parquet;
        }

        /** "N rows, B bytes"; a binary file (Parquet) has no lines to count: "B bytes". */
        String progress() {
            return binary ? bytes + " bytes" : rows() + " rows, " + bytes + " bytes";
        }

        void count(byte[] buffer, int n) {
            bytes += n;
            if (binary) {
                return;
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (csv && b == '"') {
                    inQuotes = !inQuotes;
                } else if (b == '\n' && !inQuotes) {
                    lines++;
                }
            }
        }

        long rows() {
            return csv ? Math.max(0, lines - 1) : lines;
        }
    }
}
