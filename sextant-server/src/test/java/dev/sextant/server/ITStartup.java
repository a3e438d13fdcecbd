package dev.sextant.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup: /health, the bootstrap key (given or generated and printed once), bad settings. */
class ITStartup {
    private static final Pattern GENERATED = Pattern.compile("sk-sx-[0-9A-Za-z]{32}");

    @Test
    void aGeneratedAdminKeyIsPrintedOnceAndWorks() throws Exception {
        SextantTestServer server = new SextantTestServer().withoutBootstrapKey();
        server.prepare();
        try {
            String printed = captureStdout(server::start);
            Matcher key = GENERATED.matcher(printed);
            assertThat(key.find()).as(printed).isTrue();
            assertThat(printed).contains(server.uri("").toString());
            Response health = server.get("/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("ok");
            assertThat(server.get("/api/v1/workspace", key.group()).json().get("slug").asString()).isEqualTo("default");

            server.stop();
            String again = captureStdout(server::start);
            assertThat(again).doesNotContain("sk-sx-");
            assertThat(server.get("/api/v1/workspace", key.group()).status()).isEqualTo(200);
        } finally {
            server.afterAll(null);
        }
    }

    @Test
    void aGivenBootstrapKeyIsTheAdminKey() throws Exception {
        SextantTestServer server = new SextantTestServer();
        server.beforeAll(null);
        try {
            Response r = server.get("/api/v1/api-keys", SextantTestServer.ADMIN_KEY);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("items").get(0).get("scopes").toString())
                    .isEqualTo("[\"ingest:write\",\"analytics:view\",\"config:write\",\"admin\"]");
            assertThat(server.get("/health", null).status()).isEqualTo(200);
        } finally {
            server.afterAll(null);
        }
    }

    @Test
    void aBadBootstrapKeyRefusesToStart(@TempDir Path dir) {
        assertThatThrownBy(() -> SextantApplication.start("--server.port=0", "--sextant.data-dir=" + dir,
                "--sextant.bootstrap-key=letmein"))
                .hasStackTraceContaining("SEXTANT_BOOTSTRAP_KEY (sextant.bootstrap-key) is not usable: "
                        + "an API key must start with 'sk-' and be at least 20 characters long");
    }

    @Test
    void theDemoLoadsOnceAndPrintsAFreshKeyEachStart() throws Exception {
        SextantTestServer server = new SextantTestServer().with("--sextant.demo=true");
        server.prepare();
        try {
            String first = captureStdout(server::start);
            Matcher firstKey = GENERATED.matcher(first);
            assertThat(firstKey.find()).as(first).isTrue();
            assertThat(first).contains("curl");
            assertThat(server.get("/health", null).status()).isEqualTo(200);
            long interactions = server.get("/api/v1/interactions/stats", firstKey.group()).json().get("interactions").asLong();
            assertThat(interactions).isPositive();

            server.stop();
            String second = captureStdout(server::start);
            Matcher secondKey = GENERATED.matcher(second);
            assertThat(secondKey.find()).isTrue();
            assertThat(secondKey.group()).isNotEqualTo(firstKey.group());
            assertThat(server.get("/api/v1/workspace", firstKey.group()).status()).isEqualTo(401);
            assertThat(server.get("/api/v1/interactions/stats", secondKey.group()).json().get("interactions").asLong())
                    .isEqualTo(interactions);
        } finally {
            server.afterAll(null);
        }
    }

    private static String captureStdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }
}
