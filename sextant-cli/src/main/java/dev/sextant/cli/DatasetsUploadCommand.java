package dev.sextant.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sextant datasets upload FILE --name N [--format F]}: {@code POST /api/v1/datasets} (the
 * dataset, so its id exists even if the upload fails), then {@code PUT .../content} with the file
 * streamed from disk and a progress line by bytes sent; then the score and training readiness.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Upload a dataset (JSON Lines or CSV), with progress; print its quality score and readiness.",
        footer = {"", "The key needs ingest:write. " + ExitCode.HELP})
final class DatasetsUploadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    enum Format { chat, prompt_completion, text_label, csv }

    @Parameters(index = "0", paramLabel = "FILE", description = "The dataset file.")
    Path file;

    @Option(names = "--name", paramLabel = "NAME", required = true, converter = Name.class,
            description = "The dataset's name (1-200 characters).")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "chat, prompt_completion, text_label or csv (default: detected by the server).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        UploadBody body = UploadBody.of(file, contentType(), "uploading", err);
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        ObjectNode create = Json.MAPPER.createObjectNode().put("name", name);
        if (format != null) {
            create.put("format", format.name());
        }
        String id = client.post("/api/v1/datasets", Map.of(), create, "create a dataset", "ingest:write").path("id").asString();
        JsonNode d;
        try {
            d = client.upload("PUT", "/api/v1/datasets/" + Urls.segment(id) + "/content", Map.of(), body,
                    "read dataset " + id, "ingest:write");
        } finally {
            body.done();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "Dataset %s \"%s\" (%s): %s records in %s lines, %s bytes.", id, name,
                d.path("format").asString("?"), Figures.count(d.path("records")), Figures.count(d.path("lines_read")),
                Figures.count(d.path("bytes_read"))));
        if (d.path("score").isNumber()) {
            out.println(String.format(Locale.ROOT, "Quality score %.2f: %s.", d.path("score").asDouble(),
                    d.path("training_ready").asBoolean() ? "ready for training (above 0.7)" : "not ready for training (0.7 or below)"));
        } else {
            out.println("Status " + d.path("status").asString() + (d.path("error").isString() ? ": " + d.path("error").asString() : "")
                    + "; no score.");
        }
        out.println("The report: ./sextant datasets report " + id);
        return ExitCode.OK;
    }

    /** JSON Lines formats as JSON Lines, csv as CSV; undeclared: by the file's extension, else the server detects. */
    private String contentType() {
        if (format != null) {
            return format == Format.csv ? "text/csv" : "application/x-ndjson";
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return "text/csv";
        }
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") ? "application/x-ndjson" : "application/octet-stream";
    }

    /** A dataset name: 1-200 characters, no control characters. */
    static final class Name implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return Converters.checked(value, 200, "a name");
        }
    }
}
