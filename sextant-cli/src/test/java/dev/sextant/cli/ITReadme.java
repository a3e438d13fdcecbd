package dev.sextant.cli;

import dev.sextant.testing.RealServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The CLI quickstart of sextant-cli/README.md and of the root README, run line by line against the
 * real server: the same lines in both, each exits 0, and the session reads back as described.
 */
class ITReadme {
    @TempDir
    Path dir;

    @Test
    void quickstartRunsAsWritten() throws IOException {
        List<String> moduleLines = sextantLines(Path.of("README.md"), "## Quickstart");
        List<String> rootLines = sextantLines(Path.of("../README.md"), "### Session monitor CLI");
        assertThat(moduleLines).hasSizeGreaterThanOrEqualTo(6);
        assertThat(rootLines).isEqualTo(moduleLines);

        try (RealServer server = RealServer.start()) {
            Map<String, String> vars = Map.of("KEY", RealServer.KEY);
            CliRunner cli = new CliRunner(dir);
            for (String line : moduleLines) {
                List<String> words = words(line.replace("http://localhost:7070", server.url()), vars);
                assertThat(words.getFirst()).isEqualTo("./sextant");
                CliRunner.Result result = cli.run(words.subList(1, words.size()).toArray(String[]::new));
                assertThat(result.err()).as(line).isEmpty();
                assertThat(result.exitCode()).as(line).isZero();
            }

            JsonNode trace = server.fetch("/api/v1/interactions/sx-12-refactor").body();
            assertThat(trace.path("agent_id").asString()).isEqualTo("claude-code");
            assertThat(trace.path("metadata").path("ticket").asString()).isEqualTo("SX-12");
            assertThat(trace.path("ended_at").isString()).isTrue();
            assertThat(trace.path("tags").valueStream().map(JsonNode::asString)).containsExactly("refactor", "db");
            assertThat(trace.path("spans").valueStream().map(s -> s.path("kind").asString() + " " + s.path("name").asString()))
                    .containsExactlyInAnyOrder("tool run_tests", "tool mvn_verify",
                            "code_generation db/V3__sessions.sql", "code_generation src/main/java/Foo.java");
            assertThat(trace.path("scores").valueStream().map(s -> s.path("name").asString() + "=" + s.path("value").asDouble()))
                    .containsExactlyInAnyOrder("accepted=1.0", "accepted=0.0", "user_rating=4.0");
        }
    }

    /** The {@code ./sextant} lines of the first bash block after the heading. */
    private static List<String> sextantLines(Path readme, String heading) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int at = lines.indexOf(heading);
        assertThat(at).as(heading + " in " + readme).isNotNegative();
        int start = lines.subList(at, lines.size()).indexOf("```bash") + at;
        List<String> found = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("```")) {
                break;
            }
            if (line.startsWith("./sextant ")) {
                found.add(line);
            }
        }
        return found;
    }

    /** Splits a shell line as bash would for these lines: '...' literal, "..." and bare words with $VAR expanded. */
    static List<String> words(String line, Map<String, String> vars) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                word.append(expand(line.substring(i + 1, end), vars));
                i = end;
            } else if (c == '$') {
                int end = i + 1;
                while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
                    end++;
                }
                word.append(vars.get(line.substring(i + 1, end)));
                i = end - 1;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static String expand(String text, Map<String, String> vars) {
        String out = text;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace("$" + v.getKey(), v.getValue());
        }
        return out;
    }
}
