package dev.sextant.cli;

import dev.sextant.testing.RealServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server down, a wrong key, a key without ingest:write, refused items, a busy server: a clear message and a non-zero exit code. */
class ITFailures {
    private static RealServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = RealServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void serverDownNamesTheUrlAndExitsWithThree() throws IOException {
        String url = "http://127.0.0.1:" + freePort();
        CliRunner cli = new CliRunner(dir).env(Connection.URL_ENV, url).env(Connection.KEY_ENV, RealServer.KEY);
        CliRunner.Result result = cli.run("session", "start", "--id", "down-1");
        assertThat(result.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(result.err()).isEqualTo("sextant: cannot reach the Sextant server at " + url + " (connection refused). "
                + "Is it running (./sextant serve)? The URL comes from SEXTANT_URL or the config file written by ./sextant login.\n");
        assertThat(cli.stateFile()).doesNotExist();

        CliRunner.Result login = new CliRunner(dir).run("login", "--url", url, "--api-key", RealServer.KEY);
        assertThat(login.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(cli.configFile()).doesNotExist();
    }

    @Test
    void wrongKeySaysSoAndExitsWithFour() {
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result login = cli.run("login", "--url", server.url(), "--api-key", "sk-not-a-key-of-this-server-000");
        assertThat(login.exitCode()).isEqualTo(ExitCode.BAD_KEY);
        assertThat(login.err()).isEqualTo("sextant: the server at " + server.url() + " refused the API key (401: unknown, "
                + "revoked or garbled). Check SEXTANT_API_KEY or run ./sextant login again with a valid key.\n");
        assertThat(cli.configFile()).doesNotExist();

        CliRunner.Result start = cli.env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, "sk-wrong-wrong-wrong-wrong")
                .run("session", "start", "--id", "bad-key-1");
        assertThat(start.exitCode()).isEqualTo(ExitCode.BAD_KEY);
        assertThat(start.err()).contains("refused the API key (401");
        assertThat(server.fetch("/api/v1/interactions/bad-key-1").status()).isEqualTo(404);
    }

    @Test
    void keyWithoutIngestWriteIsRefusedAtLogin() {
        RealServer.Answer created = server.post("/api/v1/api-keys", "{\"name\": \"viewer\", \"scopes\": [\"analytics:view\"]}");
        assertThat(created.status()).isEqualTo(201);
        String viewerKey = created.body().path("secret").asString();

        CliRunner cli = new CliRunner(dir);
        CliRunner.Result login = cli.run("login", "--url", server.url(), "--api-key", viewerKey);
        assertThat(login.exitCode()).isEqualTo(ExitCode.BAD_KEY);
        assertThat(login.err()).isEqualTo("sextant: the API key may not send records at " + server.url()
                + ": it lacks the scope ingest:write (it has [\"analytics:view\"]). Create a key with ingest:write "
                + "(POST /api/v1/api-keys) and log in with it.\n");
        assertThat(cli.configFile()).doesNotExist();

        CliRunner.Result start = cli.env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, viewerKey)
                .run("session", "start", "--id", "viewer-1");
        assertThat(start.exitCode()).isEqualTo(ExitCode.BAD_KEY);
        assertThat(start.err()).startsWith("sextant: the API key may not send records at " + server.url()
                + ": it lacks the scope ingest:write");
        assertThat(cli.stateFile()).doesNotExist();
    }

    @Test
    void rejectedItemsArePrintedAndExitWithOne() throws IOException {
        String answer = "{\"accepted\": 1, \"rejected\": [{\"index\": 1, \"id\": \"s-x\", \"error\": \"trace \\\"s-x\\\": too late\"}]}";
        HttpServer standIn = standIn(207, answer, null);
        try {
            String url = "http://127.0.0.1:" + standIn.getAddress().getPort();
            CliRunner cli = new CliRunner(dir).env(Connection.URL_ENV, url).env(Connection.KEY_ENV, "sk-test-standin-key");
            CliRunner.Result result = cli.run("session", "start", "--id", "s-x");
            assertThat(result.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(result.err()).isEqualTo("sextant: the server at " + url + " stored 1 of 2 records and refused 1:\n"
                    + "  item 1 (s-x): trace \"s-x\": too late\n");
            assertThat(cli.stateFile()).doesNotExist();
        } finally {
            standIn.stop(0);
        }
    }

    @Test
    void busyServerSaysNothingWasStoredAndWhenToRetry() throws IOException {
        String problem = "{\"type\": \"urn:sextant:problem:busy\", \"status\": 429, \"detail\": \"the ingest queue is full\"}";
        HttpServer standIn = standIn(429, problem, "1");
        try {
            String url = "http://127.0.0.1:" + standIn.getAddress().getPort();
            CliRunner cli = new CliRunner(dir).env(Connection.URL_ENV, url).env(Connection.KEY_ENV, "sk-test-standin-key");
            CliRunner.Result result = cli.run("session", "log-tool", "--session", "s", "--tool", "t", "--success", "true",
                    "--time-ms", "5");
            assertThat(result.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(result.err()).isEqualTo("sextant: the server at " + url
                    + " is busy (429: the ingest queue is full); nothing was stored, run the command again in 1 s.\n");
        } finally {
            standIn.stop(0);
        }
    }

    @Test
    void notASextantServerIsSaid() throws IOException {
        HttpServer standIn = standIn(200, "<html>hello</html>", null);
        try {
            String url = "http://127.0.0.1:" + standIn.getAddress().getPort();
            CliRunner.Result result = new CliRunner(dir).run("login", "--url", url, "--api-key", "sk-test-standin-key");
            assertThat(result.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(result.err()).isEqualTo("sextant: " + url + " answered 200 but not with Sextant's JSON: "
                    + "is this URL a Sextant server?\n");
        } finally {
            standIn.stop(0);
        }
    }

    /** A stand-in for answers the real server gives only under load or for input the CLI never sends. */
    private static HttpServer standIn(int status, String body, String retryAfter) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        return http;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
