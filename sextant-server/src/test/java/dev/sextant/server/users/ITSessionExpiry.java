package dev.sextant.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idle and absolute session timeouts, shortened by property. */
class ITSessionExpiry {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.bootstrap-admin-email=root@example.com")
            .with("--sextant.bootstrap-admin-password=correct-horse-battery")
            .with("--sextant.sessions.idle-timeout=2s")
            .with("--sextant.sessions.absolute-timeout=5s");

    static final UserSessions users = new UserSessions(server);

    @Test
    void anIdleSessionExpiresAndAnActiveOneLivesUntilTheAbsoluteTimeout() throws InterruptedException {
        String idle = users.cookie("root@example.com", "correct-horse-battery");
        String active = users.cookie("root@example.com", "correct-horse-battery");
        long start = System.nanoTime();
        // the active session is used every 400 ms: it outlives the 2 s idle timeout, not the 5 s absolute one
        while (System.nanoTime() - start < 3_000_000_000L) {
            assertThat(users.get("/api/v1/workspace", active).status()).isEqualTo(200);
            Thread.sleep(400);
        }
        assertThat(users.get("/api/v1/workspace", idle).status()).isEqualTo(401);
        assertThat(users.get("/api/v1/workspace", active).status()).isEqualTo(200);
        while (System.nanoTime() - start < 5_500_000_000L) {
            users.get("/api/v1/workspace", active);
            Thread.sleep(400);
        }
        assertThat(users.get("/api/v1/workspace", active).status()).isEqualTo(401);
    }
}
