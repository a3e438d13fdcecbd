package dev.sextant.cli;

import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.JsonNode;

/** {@code sextant login}: checks the key against the server, then saves URL and key (mode 600). */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Check an API key against a Sextant server and save both for the session commands.",
        footer = {"", "The key must be valid and carry the ingest:write scope. " + ExitCode.HELP})
final class LoginCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:7070", converter = UrlConverter.class,
            description = "The server's base URL (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--api-key", paramLabel = "KEY", required = true, converter = Converters.Name.class,
            description = "An API key with the ingest:write scope (sk-...).")
    String apiKey;

    static final class UrlConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return Urls.base(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        SextantCli root = (SextantCli) spec.root().userObject();
        SextantClient client = new SextantClient(new Connection(url, apiKey));
        JsonNode workspace = client.workspace();
        // An empty batch stores nothing but needs ingest:write: a key without it fails here, not at session start.
        client.ingest(Json.MAPPER.createArrayNode());
        ConfigFile config = root.configFile();
        config.write(new ConfigFile.Settings(url.toString(), apiKey));
        var out = spec.commandLine().getOut();
        out.println("Logged in to " + url + " (workspace " + workspace.path("slug").asString("?") + ", "
                + workspace.path("id").asString("?") + "); saved to " + config.path() + " (mode 600).");
        for (String env : new String[] {Connection.URL_ENV, Connection.KEY_ENV}) {
            String value = root.env().get(env);
            if (value != null && !value.isBlank()) {
                out.println("Note: " + env + " is set and overrides the saved value.");
            }
        }
        return ExitCode.OK;
    }
}
