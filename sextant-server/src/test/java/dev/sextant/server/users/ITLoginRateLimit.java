package dev.sextant.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Login throttling per email (default 10 failures) with a short (10 s) window: the 11th wrong password
 * is a 429 with Retry-After, other emails still log in, the right password waits too, and after
 * the window the login works; a success clears the email's count.
 */
class ITLoginRateLimit {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.bootstrap-admin-email=root@example.com")
            .with("--sextant.bootstrap-admin-password=correct-horse-battery")
            .with("--sextant.sessions.login-window=10s");

    static final UserSessions users = new UserSessions(server);

    private static Response login(String email, String password) {
        return users.login("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    @Test
    void elevenWrongPasswordsAreRefusedUntilTheWindowPassesAndASuccessClearsTheCount() throws InterruptedException {
        // a success clears the count: 6 + 6 failures around a good login never reach the limit of 10
        for (int i = 0; i < 6; i++) {
            assertThat(login("root@example.com", "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(login("root@example.com", "correct-horse-battery").status()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            assertThat(login("root@example.com", "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(login("root@example.com", "correct-horse-battery").status()).isEqualTo(200);

        for (int i = 0; i < 10; i++) {
            assertThat(login("root@example.com", "wrong-" + i).status()).isEqualTo(401);
        }
        Response blocked = login("ROOT@example.com ", "wrong-10");
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
        long retryAfter = Long.parseLong(blocked.header("Retry-After").orElseThrow());
        long blockedAt = System.nanoTime();
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(blocked.json().get("detail").asString())
                .isEqualTo("too many failed logins for this email or from this address; try again in " + retryAfter + " s");
        assertThat(blocked.json().get("type").asString()).isEqualTo("urn:sextant:problem:too-many-attempts");
        assertThat(blocked.json().get("retry_after_seconds").asLong()).isEqualTo(retryAfter);
        // the right password waits as well: otherwise guessing would go on, only slower to notice
        assertThat(login("root@example.com", "correct-horse-battery").status()).isEqualTo(429);

        // other emails are unaffected
        assertThat(login("someone-else@example.com", "wrong").status()).isEqualTo(401);

        // Retry-After is rounded up: once it has passed, the window has too
        Thread.sleep(Math.max(0, retryAfter * 1000 + 200 - (System.nanoTime() - blockedAt) / 1_000_000));
        assertThat(login("root@example.com", "correct-horse-battery").status()).isEqualTo(200);
    }

    @Test
    void anEmailNobodyHasIsThrottledTheSameWay() {
        // the 429 says nothing about which accounts exist
        for (int i = 0; i < 10; i++) {
            assertThat(login("ghost@example.com", "wrong").status()).isEqualTo(401);
        }
        assertThat(login("ghost@example.com", "wrong").status()).isEqualTo(429);
    }

    @Test
    void aMalformedLoginIsA400AndNotCounted() {
        for (int i = 0; i < 15; i++) {
            assertThat(users.login("{\"email\": \"\", \"password\": \"\"}").status()).isEqualTo(400);
        }
        assertThat(users.login("{\"email\": \"" + "a".repeat(300) + "\", \"password\": \"x\"}").status()).isEqualTo(400);
        assertThat(users.login("{\"email\": 5, \"password\": \"x\"}").status()).isEqualTo(400);
        assertThat(users.login("not json").status()).isEqualTo(400);
        assertThat(login("fresh@example.com", "x").status()).isEqualTo(401);
    }
}
