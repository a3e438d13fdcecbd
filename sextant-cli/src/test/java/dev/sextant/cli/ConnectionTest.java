package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the config lives, its mode, and how SEXTANT_URL / SEXTANT_API_KEY override it. */
class ConnectionTest {
    @TempDir
    Path dir;

    @Test
    void configPathFollowsSextantConfigThenXdgThenHome() {
        assertThat(ConfigFile.locate(Map.of(ConfigFile.CONFIG_ENV, "/x/c.json"), "/home/u").path()).isEqualTo(Path.of("/x/c.json"));
        assertThat(ConfigFile.locate(Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/u").path())
                .isEqualTo(Path.of("/xdg/sextant/config.json"));
        assertThat(ConfigFile.locate(Map.of(), "/home/u").path()).isEqualTo(Path.of("/home/u/.config/sextant/config.json"));
        assertThat(ConfigFile.locate(Map.of(), "/home/u").statePath()).isEqualTo(Path.of("/home/u/.config/sextant/session.json"));
    }

    @Test
    void configIsWrittenWithMode600InADirectoryWithMode700() throws Exception {
        ConfigFile config = new ConfigFile(dir.resolve("new/sub/config.json"));
        config.write(new ConfigFile.Settings("http://localhost:7070", "sk-secret"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.path().getParent()))).isEqualTo("rwx------");
        assertThat(config.read()).isEqualTo(new ConfigFile.Settings("http://localhost:7070", "sk-secret"));
        try (var files = Files.list(config.path().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config.json");
        }
    }

    @Test
    void environmentOverridesTheFile() {
        ConfigFile config = new ConfigFile(dir.resolve("config.json"));
        config.write(new ConfigFile.Settings("http://file:7070", "sk-from-file"));
        assertThat(Connection.resolve(Map.of(), config)).isEqualTo(new Connection(java.net.URI.create("http://file:7070"), "sk-from-file"));
        Connection both = Connection.resolve(Map.of(Connection.URL_ENV, "http://env:1/", Connection.KEY_ENV, "sk-env"), config);
        assertThat(both.url()).hasToString("http://env:1");
        assertThat(both.apiKey()).isEqualTo("sk-env");
        assertThat(Connection.resolve(Map.of(Connection.KEY_ENV, "sk-env"), config).url()).hasToString("http://file:7070");
    }

    @Test
    void nothingConfiguredSaysHowToLogIn() {
        ConfigFile config = new ConfigFile(dir.resolve("config.json"));
        assertThatThrownBy(() -> Connection.resolve(Map.of(Connection.KEY_ENV, "sk-env"), config))
                .isInstanceOf(CliException.class)
                .hasMessage("not logged in: no server URL in SEXTANT_URL/SEXTANT_API_KEY or in " + config.path()
                        + ". Run: ./sextant login --url http://localhost:7070 --api-key sk-...")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCode.NOT_CONFIGURED);
    }

    @Test
    void badUrlInTheEnvironmentIsNamed() {
        ConfigFile config = new ConfigFile(dir.resolve("config.json"));
        assertThatThrownBy(() -> Connection.resolve(Map.of(Connection.URL_ENV, "localhost:7070", Connection.KEY_ENV, "sk"), config))
                .hasMessage("the server URL \"localhost:7070\" (from SEXTANT_URL) is not usable: must start with http:// or https://, was \"localhost:7070\"");
    }

    @Test
    void brokenConfigFileSaysWhatToDo() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> new ConfigFile(file).read())
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith(file + " is not valid JSON (")
                .hasMessageEndingWith("); delete it and run the command again");
    }
}
