package dev.sextant.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.SextantTestServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Without SEXTANT_BOOTSTRAP_ADMIN_*: admin@localhost with a generated password, printed once; not again on restart. */
class ITBootstrapAdmin {
    static final SextantTestServer server = new SextantTestServer();
    static final UserSessions users = new UserSessions(server);
    static String firstStart;

    @BeforeAll
    static void start() throws Exception {
        server.prepare();
        firstStart = captured(server::start);
    }

    @AfterAll
    static void stop() throws Exception {
        server.afterAll(null);
    }

    private static String captured(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(original, copy), true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return copy.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theGeneratedPasswordIsPrintedOnceAndLogsTheAdminIn() {
        Matcher m = Pattern.compile("password: (\\S+)").matcher(firstStart);
        assertThat(m.find()).as(firstStart).isTrue();
        String password = m.group(1);
        assertThat(password).hasSize(20);
        assertThat(firstStart).contains("email:    admin@localhost");
        String token = users.cookie("admin@localhost", password);
        assertThat(users.get("/api/v1/auth/me", token).json().get("role").asString()).isEqualTo("admin");

        server.stop();
        String secondStart = captured(server::start);
        assertThat(secondStart).doesNotContain("password:");
        assertThat(users.cookie("admin@localhost", password)).isNotBlank();
    }

    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
