package dev.sextant.cli;

import java.net.URI;
import java.util.Map;

/** Where the server is and which key to send: {@code SEXTANT_URL} / {@code SEXTANT_API_KEY} override the config file. */
record Connection(URI url, String apiKey) {
    static final String URL_ENV = "SEXTANT_URL";
    static final String KEY_ENV = "SEXTANT_API_KEY";

    Connection {
        url = Urls.base(url.toString());
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("api key must not be blank");
        }
    }

    static Connection resolve(Map<String, String> env, ConfigFile config) {
        ConfigFile.Settings saved = config.read();
        String url = firstNonBlank(env.get(URL_ENV), saved == null ? null : saved.url());
        String key = firstNonBlank(env.get(KEY_ENV), saved == null ? null : saved.apiKey());
        if (url == null || key == null) {
            throw new CliException(ExitCode.NOT_CONFIGURED, "not logged in: no " + (url == null ? "server URL" : "API key")
                    + " in " + URL_ENV + "/" + KEY_ENV + " or in " + config.path()
                    + ". Run: ./sextant login --url http://localhost:7070 --api-key sk-...");
        }
        try {
            return new Connection(URI.create(url.strip()), key.strip());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.NOT_CONFIGURED, "the server URL \"" + url + "\" (from "
                    + (env.get(URL_ENV) != null ? URL_ENV : config.path().toString()) + ") is not usable: " + e.getMessage());
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null || b.isBlank() ? null : b;
    }
}
