package dev.sextant.server.users;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Batches;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Login, sessions, roles, members and CSRF through the real server. */
class ITUserLogin {
    static final String ROOT = "root@example.com";
    static final String ROOT_PASSWORD = "correct-horse-battery";

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.bootstrap-admin-email=" + ROOT)
            .with("--sextant.bootstrap-admin-password=" + ROOT_PASSWORD);

    static final UserSessions users = new UserSessions(server);

    static String root;
    static String viewer;
    static String member;
    static String otherAdminKey;

    @BeforeAll
    static void people() {
        root = users.cookie(ROOT, ROOT_PASSWORD);
        assertThat(users.post("/api/v1/members", root,
                "{\"email\": \"viewer@example.com\", \"role\": \"viewer\", \"password\": \"viewer-password\"}").status()).isEqualTo(201);
        assertThat(users.post("/api/v1/members", root,
                "{\"email\": \"member@example.com\", \"role\": \"member\", \"password\": \"member-password\"}").status()).isEqualTo(201);
        viewer = users.cookie("viewer@example.com", "viewer-password");
        member = users.cookie("member@example.com", "member-password");
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        otherAdminKey = created.json().get("admin_key").get("secret").asString();
        assertThat(server.post("/api/v1/ingest", otherAdminKey, Batches.trace("secret-t", "secret-agent", "2026-11-05T10:00:00Z"))
                .status()).isEqualTo(200);
    }

    @Test
    void loginAnswersTheUserWorkspaceAndRoleAndSetsAStrictHttpOnlyCookie() {
        Response r = users.login("{\"email\": \"ROOT@Example.com\", \"password\": \"" + ROOT_PASSWORD + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String cookie = r.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("sextant_session=").contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Strict")
                .doesNotContain("Secure"); // plain http here
        assertThat(cookie.substring(16, cookie.indexOf(';'))).matches("[A-Za-z0-9_-]{43}");
        JsonNode me = r.json();
        assertThat(me.get("user").get("email").asString()).isEqualTo(ROOT);
        assertThat(me.get("workspace").get("slug").asString()).isEqualTo("default");
        assertThat(me.get("role").asString()).isEqualTo("admin");
        assertThat(me.get("workspaces").size()).isEqualTo(1);
        assertThat(me.has("expires_at")).isTrue();
        assertThat(r.body()).doesNotContain("password");
    }

    @Test
    void wrongCredentialsAre401WithoutSayingWhichPart() {
        Response wrongPassword = users.login("{\"email\": \"" + ROOT + "\", \"password\": \"not-the-password\"}");
        Response unknownUser = users.login("{\"email\": \"nobody@example.com\", \"password\": \"" + ROOT_PASSWORD + "\"}");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
        assertThat(wrongPassword.header("Set-Cookie")).isEmpty();
    }

    @Test
    void meLogoutAndTheCookieAfterLogout() {
        String token = users.cookie(ROOT, ROOT_PASSWORD);
        assertThat(users.get("/api/v1/auth/me", token).json().get("user").get("email").asString()).isEqualTo(ROOT);
        Response out = users.post("/api/v1/auth/logout", token, "");
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(users.get("/api/v1/auth/me", token).status()).isEqualTo(401);
        assertThat(users.get("/api/v1/workspace", token).status()).isEqualTo(401);
    }

    @Test
    void aGarbledOrUnknownCookieIs401() {
        assertThat(users.get("/api/v1/workspace", "garbage").status()).isEqualTo(401);
        assertThat(users.get("/api/v1/workspace", "A".repeat(43)).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/workspace", null).status()).isEqualTo(401);
    }

    @Test
    void theCookieWorksOnExistingEndpointsLikeAKey() {
        assertThat(users.get("/api/v1/workspace", viewer).json().get("slug").asString()).isEqualTo("default");
        Response ingest = users.post("/api/v1/ingest", member, Batches.trace("member-t", "member-agent", "2026-11-05T10:00:00Z"));
        assertThat(ingest.status()).as(ingest.toString()).isEqualTo(200);
        Response list = users.get("/api/v1/interactions?agent_id=member-agent", viewer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo("member-t");
        assertThat(users.get("/api/v1/interactions/member-t", viewer).status()).isEqualTo(200);
        // keys keep working
        assertThat(server.get("/api/v1/interactions/member-t", ADMIN_KEY).status()).isEqualTo(200);
    }

    @Test
    void rolesDecideWhatASessionMayDo() {
        Response viewerIngest = users.post("/api/v1/ingest", viewer, Batches.trace("viewer-t", "viewer-agent", "2026-11-05T10:00:00Z"));
        assertThat(viewerIngest.status()).isEqualTo(403);
        assertThat(users.post("/api/v1/prices", viewer, "{\"model\": \"v-model\", \"input\": 1, \"output\": 2}").status()).isEqualTo(403);
        assertThat(users.get("/api/v1/api-keys", viewer).status()).isEqualTo(403);
        assertThat(users.get("/api/v1/members", viewer).status()).isEqualTo(403);
        assertThat(users.post("/api/v1/members", viewer, "{\"email\": \"x@example.com\", \"role\": \"admin\", \"password\": \"whatever-1\"}")
                .status()).isEqualTo(403);

        Response price = users.post("/api/v1/prices", member, "{\"model\": \"m-model\", \"input\": 1, \"output\": 2}");
        assertThat(price.status()).as(price.toString()).isEqualTo(201);
        assertThat(users.get("/api/v1/api-keys", member).status()).isEqualTo(403);
        assertThat(users.get("/api/v1/api-keys", root).status()).isEqualTo(200);
    }

    @Test
    void aStateChangingCookieRequestWithoutTheHeaderIsRefused() {
        Response r = server.send(users.withCookie("/api/v1/ingest", member).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Batches.trace("csrf-t", "csrf-agent", "2026-11-05T10:00:00Z"))).build());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("detail").asString()).contains("X-Sextant-Request");
        assertThat(users.get("/api/v1/interactions/csrf-t", member).status()).isEqualTo(404);
        Response logout = server.send(users.withCookie("/api/v1/auth/logout", member).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(logout.status()).isEqualTo(403);
        assertThat(users.get("/api/v1/auth/me", member).status()).isEqualTo(200);
    }

    @Test
    void anotherWorkspacesDataIsNeverVisibleAndSwitchingNeedsMembership() {
        assertThat(users.get("/api/v1/interactions/secret-t", root).status()).isEqualTo(404);
        assertThat(users.get("/api/v1/interactions?agent_id=secret-agent", root).json().get("items").size()).isZero();
        Response refused = users.post("/api/v1/auth/workspace", root, "{\"workspace\": \"other\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(users.get("/api/v1/auth/me", root).json().get("workspace").get("slug").asString()).isEqualTo("default");
        assertThat(server.get("/api/v1/members", otherAdminKey).json().get("items").size()).isZero();

        String token = users.cookie("viewer@example.com", "viewer-password");
        // the other workspace's admin adds the existing viewer there as a member
        Response added = server.post("/api/v1/members", otherAdminKey, "{\"email\": \"VIEWER@example.com\", \"role\": \"member\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Response switched = users.post("/api/v1/auth/workspace", token, "{\"workspace\": \"other\"}");
        assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
        assertThat(switched.json().get("role").asString()).isEqualTo("member");
        assertThat(switched.json().get("workspaces").size()).isEqualTo(2);
        assertThat(users.get("/api/v1/interactions/secret-t", token).status()).isEqualTo(200);
        assertThat(users.get("/api/v1/interactions/member-t", token).status()).isEqualTo(404);
        // the default workspace's members are not the other's
        List<String> emails = new ArrayList<>();
        server.get("/api/v1/members", otherAdminKey).json().get("items").forEach(m -> emails.add(m.get("email").asString()));
        assertThat(emails).containsExactly("viewer@example.com");
        server.delete("/api/v1/members/" + switched.json().get("user").get("id").asString(), otherAdminKey);
        assertThat(users.get("/api/v1/auth/me", token).status()).isEqualTo(401);
    }

    @Test
    void membersAreListedChangedAndRemovedButNotTheLastAdmin() {
        Response add = users.post("/api/v1/members", root, "{\"email\": \"temp@example.com\", \"role\": \"viewer\", \"password\": \"temp-password\", \"name\": \"Temp\"}");
        assertThat(add.status()).isEqualTo(201);
        String id = add.json().get("user_id").asString();
        assertThat(add.json().get("name").asString()).isEqualTo("Temp");
        assertThat(users.post("/api/v1/members", root, "{\"email\": \"Temp@example.com\", \"role\": \"viewer\"}").status()).isEqualTo(409);
        Response changed = users.put("/api/v1/members/" + id, root, "{\"role\": \"admin\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("role").asString()).isEqualTo("admin");
        String temp = users.cookie("temp@example.com", "temp-password");
        assertThat(users.get("/api/v1/api-keys", temp).status()).isEqualTo(200);
        assertThat(users.put("/api/v1/members/" + id, root, "{\"role\": \"viewer\"}").status()).isEqualTo(200);
        assertThat(users.get("/api/v1/api-keys", temp).status()).isEqualTo(403); // a role change counts at once
        assertThat(users.delete("/api/v1/members/" + id, root).status()).isEqualTo(204);
        assertThat(users.get("/api/v1/workspace", temp).status()).isEqualTo(401);
        assertThat(users.delete("/api/v1/members/" + id, root).status()).isEqualTo(404);

        String rootId = users.get("/api/v1/auth/me", root).json().get("user").get("id").asString();
        Response last = users.put("/api/v1/members/" + rootId, root, "{\"role\": \"member\"}");
        assertThat(last.status()).isEqualTo(409);
        assertThat(users.delete("/api/v1/members/" + rootId, root).status()).isEqualTo(409);
        List<String> emails = new ArrayList<>();
        users.get("/api/v1/members", root).json().get("items").forEach(m -> emails.add(m.get("email").asString()));
        assertThat(emails).contains(ROOT, "viewer@example.com", "member@example.com").doesNotContain("temp@example.com");
    }

    @Test
    void badBodiesAre400NamingTheField() {
        Response unknownField = users.login("{\"email\": \"a@b.c\", \"password\": \"x\", \"remember\": true}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).contains("remember");
        Response wrongType = users.login("{\"email\": 5, \"password\": \"x\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        Response missing = users.login("{\"email\": \"a@b.c\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("password");
        assertThat(users.login("not json").status()).isEqualTo(400);
        assertThat(users.login("{\"email\": \"" + "a".repeat(2_000_000) + "\", \"password\": \"x\"}").status()).isEqualTo(413);

        Response role = users.post("/api/v1/members", root, "{\"email\": \"r@example.com\", \"role\": \"owner\", \"password\": \"long-enough\"}");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.body()).contains("role").contains("owner");
        Response shortPassword = users.post("/api/v1/members", root, "{\"email\": \"r@example.com\", \"role\": \"viewer\", \"password\": \"short\"}");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("password");
        Response noPassword = users.post("/api/v1/members", root, "{\"email\": \"new@example.com\", \"role\": \"viewer\"}");
        assertThat(noPassword.status()).isEqualTo(400);
        Response email = users.post("/api/v1/members", root, "{\"email\": \"not-an-email\", \"role\": \"viewer\", \"password\": \"long-enough\"}");
        assertThat(email.status()).isEqualTo(400);
        assertThat(users.put("/api/v1/members/usr_nobody", root, "{\"role\": \"viewer\"}").status()).isEqualTo(404);
        assertThat(users.put("/api/v1/members/usr_nobody", root, "{\"role\": 3}").status()).isEqualTo(400);
        Response switchBad = users.post("/api/v1/auth/workspace", root, "{\"workspace\": 7}");
        assertThat(switchBad.status()).isEqualTo(400);
        assertThat(server.get("/api/v1/auth/me", ADMIN_KEY).status()).isEqualTo(400);
    }
}
