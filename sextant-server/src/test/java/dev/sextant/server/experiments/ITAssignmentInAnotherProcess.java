package dev.sextant.server.experiments;

import static dev.sextant.server.experiments.ExperimentTraffic.body;
import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.SextantMain;
import dev.sextant.server.support.SextantTestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second server in its own JVM (started like {@code ./sextant serve}) on the same PostgreSQL
 * schema answers every assignment exactly as this one does: nothing about an assignment lives
 * in a process.
 */
class ITAssignmentInAnotherProcess {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_exp_proc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer here = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);
    private static final ExperimentTraffic traffic = new ExperimentTraffic(here);
    private static final HttpClient http = HttpClient.newHttpClient();
    private static Process other;
    private static URI otherBase;
    private static Path otherData;
    private static Path otherLog;

    @BeforeAll
    static void startTheOtherProcess() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        otherData = Files.createTempDirectory("sextant-it-other-");
        otherLog = otherData.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), SextantMain.class.getName(), "serve", "--data", otherData.toString(),
                "--port", Integer.toString(port));
        builder.environment().put("SEXTANT_BOOTSTRAP_KEY", ADMIN_KEY);
        builder.environment().put("SEXTANT_DB_URL", URL);
        builder.environment().put("SEXTANT_DB_USER", "postgres");
        builder.environment().put("SEXTANT_DB_SCHEMA", SCHEMA);
        builder.redirectErrorStream(true).redirectOutput(otherLog.toFile());
        other = builder.start();
        otherBase = URI.create("http://127.0.0.1:" + port);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(other.isAlive()).as("the other server exited; see " + otherLog).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(otherBase.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopTheOtherProcess() throws InterruptedException, SQLException, IOException {
        if (other != null) {
            other.destroy();
            other.waitFor();
        }
        try (var files = Files.walk(otherData)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static JsonNode fromOther(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(otherBase.resolve(path))
                .header("Authorization", "Bearer " + ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.body());
    }

    @Test
    void theOtherProcessAssignsEveryUnitTheSame() throws Exception {
        traffic.versions(ADMIN_KEY);
        traffic.created(ADMIN_KEY, body("cross-process").replace("\"id\": \"cross-process\",",
                "\"id\": \"cross-process\", \"start\": true,"));
        for (String unit : java.util.stream.IntStream.range(0, 200).mapToObj(i -> "user-" + i).toList()) {
            String path = "/api/v1/experiments/cross-process/assignment?unit_id=" + unit;
            assertThat(fromOther(path)).as(unit).isEqualTo(traffic.ok(path, ADMIN_KEY));
        }
        assertThat(List.of("control", "short")).contains(fromOther(
                "/api/v1/experiments/cross-process/assignment?unit_id=x").get("variant_id").asString());
    }
}
