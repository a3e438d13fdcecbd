package dev.sextant.server.users;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/v1/auth/password through the real server: the change, its refusals, and the sessions it ends. */
class ITPasswordChange {
    private static final String PATH = "/api/v1/auth/password";

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.bootstrap-admin-email=root@example.com")
            .with("--sextant.bootstrap-admin-password=root-password-1");

    static final UserSessions users = new UserSessions(server);

    /** A new member of the default workspace (each test its own, so tests do not share passwords). */
    private static String newUser(String password) {
        String email = "pw-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response added = server.post("/api/v1/members", ADMIN_KEY,
                "{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"" + password + "\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return email;
    }

    private static String body(String current, String next) {
        return "{\"current_password\": \"" + current + "\", \"new_password\": \"" + next + "\"}";
    }

    @Test
    void theNewPasswordLogsInTheOldOneNoLongerAndOtherSessionsEndButThisOneStays() {
        String email = newUser("first-password");
        String here = users.cookie(email, "first-password");
        String elsewhere = users.cookie(email, "first-password");

        Response changed = users.post(PATH, here, body("first-password", "second-password"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(users.get("/api/v1/auth/me", here).status()).isEqualTo(200);
        assertThat(users.get("/api/v1/auth/me", elsewhere).status()).isEqualTo(401);
        Response old = users.login("{\"email\": \"" + email + "\", \"password\": \"first-password\"}");
        assertThat(old.status()).isEqualTo(401);
        Response fresh = users.login("{\"email\": \"" + email + "\", \"password\": \"second-password\"}");
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIs400NamingItAndChangesNothing() {
        String email = newUser("kept-password");
        String token = users.cookie(email, "kept-password");
        String other = users.cookie(email, "kept-password");
        Response wrong = users.post(PATH, token, body("not-the-password", "another-password"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("current_password");
        assertThat(wrong.json().get("detail").asString()).isEqualTo("the current password is wrong");
        assertThat(users.get("/api/v1/auth/me", token).status()).isEqualTo(200);
        assertThat(users.get("/api/v1/auth/me", other).status()).isEqualTo(200);
        assertThat(users.login("{\"email\": \"" + email + "\", \"password\": \"kept-password\"}").status()).isEqualTo(200);
    }

    @Test
    void theSamePasswordAgainOrAShortOneIsRefused() {
        String email = newUser("same-password");
        String token = users.cookie(email, "same-password");
        Response same = users.post(PATH, token, body("same-password", "same-password"));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("errors").get(0).get("field").asString()).isEqualTo("new_password");
        assertThat(same.body()).contains("the new password is the current one");
        Response shortOne = users.post(PATH, token, body("same-password", "short"));
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.body()).contains("new_password").contains("at least 8 characters");
        Response overBcrypt = users.post(PATH, token, body("same-password", "é".repeat(40)));
        assertThat(overBcrypt.status()).isEqualTo(400);
        assertThat(overBcrypt.body()).contains("at most 72 bytes");
        assertThat(users.login("{\"email\": \"" + email + "\", \"password\": \"same-password\"}").status()).isEqualTo(200);
    }

    @Test
    void badBodiesAre400NamingTheFieldAndChangeNothing() {
        String email = newUser("body-password");
        String token = users.cookie(email, "body-password");

        Response malformed = users.post(PATH, token, "{\"current_password\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:sextant:problem:malformed-body");

        Response missing = users.post(PATH, token, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("current_password is required").contains("new_password is required");
        assertThat(missing.json().get("errors").size()).isEqualTo(2);

        Response wrongType = users.post(PATH, token, "{\"current_password\": 12345678, \"new_password\": \"long-enough-1\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("current_password");

        Response unknown = users.post(PATH, token, "{\"current_password\": \"body-password\", \"password\": \"long-enough-1\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("password");

        String tenKb = "x".repeat(10_240);
        Response oversize = users.post(PATH, token, body(tenKb, tenKb));
        assertThat(oversize.status()).isEqualTo(400);
        assertThat(oversize.body()).contains("current_password is over 1024 characters").contains("new_password is over 1024");

        Response huge = users.post(PATH, token, body("x".repeat(2_000_000), "long-enough-1"));
        assertThat(huge.status()).isEqualTo(413);

        Response hostile = users.post(PATH, token, body("<script>alert(1)</script>' OR 1=1 --", "\\u0000\\u202e-new-password"));
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.json().get("detail").asString()).isEqualTo("the current password is wrong");

        Response notAnObject = users.post(PATH, token, "[\"body-password\", \"long-enough-1\"]");
        assertThat(notAnObject.status()).isEqualTo(400);

        assertThat(users.get("/api/v1/auth/me", token).status()).isEqualTo(200);
        assertThat(users.login("{\"email\": \"" + email + "\", \"password\": \"body-password\"}").status()).isEqualTo(200);
    }

    @Test
    void onlyALoginSessionMayChangeAPasswordAndTheCsrfHeaderIsNeeded() {
        Response byKey = server.post(PATH, ADMIN_KEY, body("root-password-1", "another-password"));
        assertThat(byKey.status()).isEqualTo(400);
        assertThat(byKey.body()).contains("login session");
        assertThat(server.post(PATH, null, body("root-password-1", "another-password")).status()).isEqualTo(401);

        String email = newUser("csrf-password");
        String token = users.cookie(email, "csrf-password");
        Response noHeader = server.send(users.withCookie(PATH, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("csrf-password", "changed-password"))).build());
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(users.login("{\"email\": \"" + email + "\", \"password\": \"csrf-password\"}").status()).isEqualTo(200);
        assertThat(server.get(PATH, ADMIN_KEY).status()).isEqualTo(405);
    }
}
