package dev.sextant.server.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The proof on DuckDB: after an ingest carrying every kind of secret (and an invalid item whose
 * error quotes a card number), the bytes of every file in the data directory and everything the
 * server logged (at DEBUG for Sextant's own code) hold none of the originals, and do hold the masks.
 * Its own server: no other test writes unmasked values into this database.
 */
class ITMaskingStorage {
    static final SextantTestServer server = new SextantTestServer().with("--logging.level.dev.sextant=DEBUG")
            .with("--logging.level.org.springframework.web=DEBUG");
    static final MaskingTraffic traffic = new MaskingTraffic(server);
    /** Everything the server prints (its console log) while this class runs, also passed on. */
    static final ByteArrayOutputStream log = new ByteArrayOutputStream();
    static PrintStream out;
    static PrintStream err;

    @BeforeAll
    static void start() throws IOException {
        out = System.out;
        err = System.err;
        // Spring Boot re-initialises logback at start; its console appender writes to System.out at
        // each event, so a tee here sees every line the server logs
        System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
        server.prepare();
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            server.afterAll(null);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream through;

        Tee(OutputStream through) {
            this.through = through;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (log) {
                log.write(b);
            }
            through.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (log) {
                log.write(b, off, len);
            }
            through.write(b, off, len);
        }
    }

    @Test
    void theOriginalsNeverReachTheDatabaseFileOrTheLog() throws IOException {
        String key = traffic.workspace("mask-file");
        Response put = traffic.put(key, MaskingTraffic.RULES);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        traffic.ingest(key, "mf");

        JsonNode trace = server.get("/api/v1/interactions/mf-t1", key).json();
        assertThat(trace.toString()).contains("[PAYMENT_CARD]", "[EMAIL:", "[PHONE]", "[ORDER_REF]", "[API_KEY]", "uh_");
        JsonNode view = server.get("/api/v1/governance/masking", key).json();
        assertThat(view.get("defaults").asBoolean()).isFalse();
        assertThat(view.get("totals").toString()).contains("\"detector\":\"payment_card\",\"action\":\"mask\"",
                "\"detector\":\"email\",\"action\":\"hash\"", "\"detector\":\"ip_address\",\"action\":\"drop\"",
                "\"detector\":\"order_ref\",\"action\":\"mask\"", "\"detector\":\"api_key\",\"action\":\"mask\"");

        server.stop(); // DuckDB writes everything to its file on close
        try {
            StringBuilder files = new StringBuilder();
            try (Stream<Path> paths = Files.walk(server.dataDir())) {
                for (Path p : paths.filter(Files::isRegularFile).toList()) {
                    files.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
            String bytes = files.toString();
            assertThat(bytes).contains("[PAYMENT_CARD]", "[PHONE]", "[ORDER_REF]", "[API_KEY]");
            for (String original : MaskingTraffic.ORIGINALS) {
                assertThat(bytes).as("the database files hold " + original).doesNotContain(original);
            }
            String logged = logText();
            assertThat(logged).contains("Sextant is ready", "DEBUG", "/api/v1/ingest");
            for (String original : MaskingTraffic.ORIGINALS) {
                assertThat(logged).as("the log holds " + original).doesNotContain(original);
            }
        } finally {
            server.start();
        }
    }

    private static String logText() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }
}
