package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant learning patterns} against the real server: 1,600 support-bot interactions with
 * their context, where channel=email AND locale=de fails 80% of the time and email alone, de
 * alone and the rest about 30%.
 */
class ITLearningPatternsCommand {
    private static RealServer server;
    private static int pair;
    private static int pairFailures;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = RealServer.start();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(31);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1600; i++) {
            boolean email = random.nextDouble() < 0.25;
            boolean de = random.nextDouble() < 0.25;
            double failure = email && de ? 0.8 : email || de ? 2.0 / 15 : 0.2 / 0.5625;
            boolean success = random.nextDouble() >= failure;
            if (email && de) {
                pair++;
                pairFailures += success ? 0 : 1;
            }
            Instant at = now.minusSeconds(3600 + i);
            items.add("""
                    {"type": "trace", "body": {"id": "cli-%d", "agent_id": "support-bot", "started_at": "%s",
                      "status": "%s", "context": {"channel": "%s", "locale": "%s", "history_length": %d}}}"""
                    .formatted(i, at, success ? "ok" : "error", email ? "email" : "channel" + random.nextInt(15),
                            de ? "de" : "locale" + random.nextInt(15), random.nextInt(40)));
            if (items.size() == 400) {
                RealServer.Answer r = server.post("/api/v1/ingest", "{\"batch\": [" + String.join(",", items) + "]}");
                assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
                items.clear();
            }
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, RealServer.KEY);
    }

    @Test
    void thePlantedPatternIsOneLineOfTheTable() {
        CliRunner.Result r = cli().run("learning", "patterns", "--agent", "support-bot", "--outcome", "failure");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("1,600 interactions analysed, ")
                .contains("min support 2.0% (32 interactions), min confidence 60.0%, up to 3 items, q <= 0.05");
        assertThat(r.out()).contains("outcome    support   share confidence (95%)         lift         q  pattern");
        String confidence = String.format(java.util.Locale.ROOT, "%.1f%%", pairFailures * 100.0 / pair);
        assertThat(r.out()).containsPattern("failure +" + pair + " +[0-9.]+% " + confidence.replace(".", "\\.")
                + " \\[[0-9.]+%–[0-9.]+%\\] +[0-9.]+ +[0-9.e-]+  channel=email AND locale=de");
        assertThat(r.out()).contains("Found 1 pattern among ");
    }

    @Test
    void aConfidenceNoPatternReachesSaysSo() {
        CliRunner.Result r = cli().run("learning", "patterns", "--min-confidence", "0.99", "--from",
                Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("No pattern found.").contains("Found 0 patterns among ");
    }

    @Test
    void jsonIsTheServersAnswer() {
        CliRunner.Result r = cli().run("learning", "patterns", "--json", "--outcome", "failure", "--limit", "1");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(Json.MAPPER.readTree(r.out()).path("rules").size()).isEqualTo(1);
    }

    @Test
    void badOptionsAreRefused() {
        CliRunner.Result support = cli().run("learning", "patterns", "--min-support", "2");
        assertThat(support.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(support.err()).contains("must be a number above 0 and at most 1, was \"2\"");
        CliRunner.Result outcome = cli().run("learning", "patterns", "--outcome", "maybe");
        assertThat(outcome.exitCode()).isNotEqualTo(ExitCode.OK);
        assertThat(outcome.err()).contains("outcome must be one of success, failure, both, was 'maybe'");
    }
}
