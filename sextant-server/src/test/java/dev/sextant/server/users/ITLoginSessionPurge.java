package dev.sextant.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.SextantTestServer;
import dev.sextant.store.SextantStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Expired login sessions disappear from the store on their own, every purge interval. */
class ITLoginSessionPurge {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.bootstrap-admin-email=root@example.com")
            .with("--sextant.bootstrap-admin-password=correct-horse-battery")
            .with("--sextant.sessions.idle-timeout=2s")
            .with("--sextant.sessions.purge-interval=300ms")
            .with("--sextant.sessions.purge-batch-size=2");

    static final UserSessions users = new UserSessions(server);

    @Test
    void idleSessionsArePurgedWithoutAnyoneUsingThem() throws InterruptedException {
        SextantStore store = server.bean(SextantStore.class);
        String[] tokens = new String[5];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = users.cookie("root@example.com", "correct-horse-battery");
            // just created: live, so not purged
            assertThat(store.users().findSession(SessionToken.parse(tokens[i]).orElseThrow().hash())).isPresent();
        }
        // nobody uses them: after the idle timeout and a purge round or two they are gone from the table
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        boolean allGone = false;
        while (!allGone && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            allGone = true;
            for (String token : tokens) {
                Optional<?> found = store.users().findSession(SessionToken.parse(token).orElseThrow().hash());
                allGone &= found.isEmpty();
            }
        }
        assertThat(allGone).as("every idle session purged within 10 s").isTrue();
        // a new login works as before
        String fresh = users.cookie("root@example.com", "correct-horse-battery");
        assertThat(users.get("/api/v1/auth/me", fresh).status()).isEqualTo(200);
    }
}
