package dev.sextant.cli;

import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saved login: {@code $SEXTANT_CONFIG}, else {@code $XDG_CONFIG_HOME/sextant/config.json},
 * else {@code ~/.config/sextant/config.json}; JSON {@code {"url", "api_key"}}, mode 600.
 */
final class ConfigFile {
    static final String CONFIG_ENV = "SEXTANT_CONFIG";

    record Settings(String url, String apiKey) {}

    private final Path path;

    ConfigFile(Path path) {
        this.path = path;
    }

    static ConfigFile locate(Map<String, String> env, String userHome) {
        String explicit = env.get(CONFIG_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return new ConfigFile(Path.of(explicit));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".config");
        return new ConfigFile(base.resolve("sextant").resolve("config.json"));
    }

    Path path() {
        return path;
    }

    /** The current-session state file, next to the config. */
    Path statePath() {
        Path dir = path.toAbsolutePath().getParent();
        return dir.resolve("session.json");
    }

    /** The saved settings, or null when there is no config file. */
    Settings read() {
        JsonNode node = PrivateFile.readJson(path);
        if (node == null) {
            return null;
        }
        return new Settings(text(node, "url"), text(node, "api_key"));
    }

    void write(Settings settings) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("url", settings.url());
        node.put("api_key", settings.apiKey());
        PrivateFile.writeJson(path, node);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
