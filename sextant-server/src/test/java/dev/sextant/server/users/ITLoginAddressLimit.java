package dev.sextant.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Throttling per client address: many emails from one address, each under its own limit, still stop. */
class ITLoginAddressLimit {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.bootstrap-admin-email=root@example.com")
            .with("--sextant.bootstrap-admin-password=correct-horse-battery")
            .with("--sextant.sessions.login-max-failures=3")
            .with("--sextant.sessions.login-max-failures-per-ip=8")
            .with("--sextant.sessions.login-window=1h");

    static final UserSessions users = new UserSessions(server);

    @Test
    void anAddressThatTriesManyEmailsIsStopped() {
        for (int i = 0; i < 8; i++) {
            Response r = users.login("{\"email\": \"user" + i + "@example.com\", \"password\": \"guess\"}");
            assertThat(r.status()).as("attempt " + i).isEqualTo(401);
        }
        Response blocked = users.login("{\"email\": \"user99@example.com\", \"password\": \"guess\"}");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After").orElseThrow())).isBetween(3500L, 3600L);
        assertThat(users.login("{\"email\": \"root@example.com\", \"password\": \"correct-horse-battery\"}").status())
                .isEqualTo(429);
    }
}
