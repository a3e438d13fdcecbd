package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Settings: API keys (secret shown once, works, revoked), members, prices, account and password change. */
@ExtendWith(Dashboard.class)
class ITSettings {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** GET with an API key of one's own (not the test server's admin key): the status. */
    static int statusWithKey(String path, String key) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(Dashboard.server().url() + path))
                    .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST of a JSON body without credentials (a login): the status. */
    static int login(String email, String password) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(Dashboard.server().url() + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new user in the default workspace with this role, added with the test server's admin key; its email. */
    static String newUser(String role, String password) {
        String email = unique(role) + "@e2e.sextant.test";
        RealServer.Answer added = Dashboard.server().post("/api/v1/members",
                "{\"email\": \"" + email + "\", \"role\": \"" + role + "\", \"password\": \"" + password + "\"}");
        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(201);
        return email;
    }

    static Locator dialog(Page page) {
        return page.locator("dialog[open]");
    }

    static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void an_admin_creates_a_key_whose_secret_is_shown_once_works_and_stops_working_when_revoked(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/settings");
        assertThat(page).hasURL(Pattern.compile("/settings$"));
        assertThat(page.locator(".settings-nav a[aria-current=page]")).hasText("API keys");
        String name = unique("e2e-key");
        page.locator("#create-key").click();
        dialog(page).getByLabel("Name").fill(name);
        dialog(page).locator("input[value='analytics:view']").check();
        button(dialog(page), "Create key").click();

        Locator secret = page.locator("#new-key-secret");
        assertThat(secret).hasText(Pattern.compile("^sk-\\S{20,}$"));
        assertThat(dialog(page)).containsText("shown only this once");
        String key = secret.textContent().strip();
        button(dialog(page), "I have copied it").click();
        assertThat(dialog(page)).hasCount(0);
        assertThat(page.locator("#api-keys")).containsText(name);
        assertThat(page.locator("body")).not().containsText(key);

        assertThat(statusWithKey("/api/v1/workspace", key)).isEqualTo(200);
        // never again: not in the list, not after a reload
        page.reload();
        assertThat(page.locator("#api-keys")).containsText(name);
        assertThat(page.locator("body")).not().containsText(key);
        assertThat(page.request().get("/api/v1/api-keys").text()).doesNotContain(key);

        page.getByLabel("Revoke key " + name).click();
        assertThat(dialog(page)).containsText("gets 401 from now on");
        button(dialog(page), "Revoke").click();
        assertThat(page.locator("#api-keys tr", new Page.LocatorOptions().setHasText(name))).containsText("revoked");
        assertThat(page.getByLabel("Revoke key " + name)).hasCount(0);
        assertThat(statusWithKey("/api/v1/workspace", key)).isEqualTo(401);
    }

    @Test
    void a_bad_key_form_shows_the_servers_errors_beside_the_fields_and_a_hostile_name_stays_text(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/settings/keys");
        page.locator("#create-key").click();
        dialog(page).locator("input[value='ingest:write']").uncheck();
        button(dialog(page), "Create key").click();
        assertThat(dialog(page).locator("[data-field=name] .field-error")).containsText("name is required");
        assertThat(dialog(page).locator("[data-field=scopes] .field-error")).isVisible();
        assertThat(dialog(page).getByLabel("Name")).hasAttribute("aria-invalid", "true");

        String hostile = "<img src=x onerror=alert(1)>" + unique("k");
        dialog(page).getByLabel("Name").fill(hostile);
        dialog(page).locator("input[value='analytics:view']").check();
        button(dialog(page), "Create key").click();
        button(dialog(page), "I have copied it").click();
        assertThat(page.locator("#api-keys .key-name", new Page.LocatorOptions().setHasText(hostile))).hasCount(1);
        assertThat(page.locator("#api-keys img")).hasCount(0);
        page.getByLabel("Revoke key " + hostile).click();
        button(dialog(page), "Revoke").click();
        assertThat(page.getByLabel("Revoke key " + hostile)).hasCount(0);
    }

    @Test
    void members_are_added_changed_and_removed_and_the_last_admin_refusal_is_shown(Page page) {
        // a workspace of its own, so "the last admin" is this test's admin whatever other tests add
        String slug = unique("members");
        RealServer.Answer ws = Dashboard.server().post("/api/v1/workspaces", "{\"slug\": \"" + slug + "\", \"name\": \"Members test\"}");
        assertThat(ws.status()).isEqualTo(201);
        String wsKey = ws.body().get("admin_key").get("secret").asString();
        String adminEmail = unique("ws-admin") + "@e2e.sextant.test";
        try {
            int added = HTTP.send(HttpRequest.newBuilder(URI.create(Dashboard.server().url() + "/api/v1/members"))
                    .header("Authorization", "Bearer " + wsKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + adminEmail
                            + "\", \"role\": \"admin\", \"password\": \"ws-admin-password\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(added).isEqualTo(201);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        Dashboard.logIn(page, adminEmail, "ws-admin-password");
        page.navigate("/settings/members");
        assertThat(page.locator("#members")).containsText(adminEmail);

        String email = unique("new-member") + "@e2e.sextant.test";
        page.locator("#add-member").click();
        dialog(page).getByLabel("Email").fill(email);
        dialog(page).getByLabel("Role").selectOption("viewer");
        dialog(page).getByLabel("First password (only for a new user)").fill("short");
        button(dialog(page), "Add member").click();
        assertThat(dialog(page).locator("[data-field=password] .field-error")).containsText("at least 8 characters");
        dialog(page).getByLabel("First password (only for a new user)").fill("long-enough-password");
        button(dialog(page), "Add member").click();
        assertThat(dialog(page)).hasCount(0);
        assertThat(page.locator("#members")).containsText(email);

        page.getByLabel("Role of " + email, EXACT).selectOption("member");
        page.getByLabel("Save role of " + email).click();
        assertThat(page.locator(".notice")).hasText(email + " is now member.");
        assertThat(page.request().get("/api/v1/members").text()).contains("\"role\":\"member\"");

        page.getByLabel("Role of " + adminEmail, EXACT).selectOption("viewer");
        page.getByLabel("Save role of " + adminEmail).click();
        assertThat(page.locator(".notice")).containsText("the workspace's last admin cannot be demoted");
        assertThat(page.getByLabel("Role of " + adminEmail, EXACT)).hasValue("admin");

        page.getByLabel("Remove " + adminEmail).click();
        button(dialog(page), "Remove").click();
        assertThat(dialog(page).locator(".form-error")).containsText("last admin cannot be removed");
        button(dialog(page), "Cancel").click();

        page.getByLabel("Remove " + email).click();
        button(dialog(page), "Remove").click();
        assertThat(page.locator("#members")).not().containsText(email);
        assertThat(page.locator("#members")).containsText(adminEmail);
    }

    @Test
    void a_price_override_is_refused_with_the_field_named_then_saved_listed_and_deleted(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/settings/prices");
        assertThat(page.locator("#price-catalog")).containsText("Version");
        assertThat(page.locator("#price-catalog tbody tr").first()).isVisible();
        page.locator("#price-search").fill("no-such-model-anywhere");
        assertThat(page.locator("#price-catalog")).containsText("No catalog price matches");

        String model = unique("e2e-model");
        page.locator("#add-override").click();
        dialog(page).getByLabel("Model", new Locator.GetByLabelOptions().setExact(true)).fill(model);
        dialog(page).getByLabel("Input", new Locator.GetByLabelOptions().setExact(true)).fill("cheap");
        dialog(page).getByLabel("Output", new Locator.GetByLabelOptions().setExact(true)).fill("-1");
        button(dialog(page), "Save override").click();
        assertThat(dialog(page).locator("[data-field=input] .field-error")).containsText("must be a number");
        dialog(page).getByLabel("Input", new Locator.GetByLabelOptions().setExact(true)).fill("1.5");
        button(dialog(page), "Save override").click();
        assertThat(dialog(page).locator("[data-field=output] .field-error")).isVisible();
        dialog(page).getByLabel("Output", new Locator.GetByLabelOptions().setExact(true)).fill("6");
        button(dialog(page), "Save override").click();
        assertThat(dialog(page)).hasCount(0);
        Locator row = page.locator("#price-overrides tr", new Page.LocatorOptions().setHasText(model));
        assertThat(row).containsText("$1.5");
        assertThat(row).containsText("$6");

        page.getByLabel("Delete the override of " + model).click();
        button(dialog(page), "Delete").click();
        assertThat(page.locator("#price-overrides")).not().containsText(model);
        assertThat(Dashboard.server().get("/api/v1/prices").toString()).doesNotContain(model);
    }

    @Test
    void a_user_changes_their_password_the_old_one_stops_working_and_the_session_stays(Page page) {
        String email = newUser("member", "first-password-1");
        Dashboard.logIn(page, email, "first-password-1");
        page.navigate("/settings");
        assertThat(page.locator(".settings-nav a[aria-current=page]")).hasText("Account");
        assertThat(page.locator("#account-facts")).containsText(email);
        Locator form = page.locator("#change-password form");

        form.getByLabel("Current password").fill("not-my-password");
        form.getByLabel("New password", new Locator.GetByLabelOptions().setExact(true)).fill("second-password-2");
        form.getByLabel("New password again").fill("second-password-2");
        button(form, "Change password").click();
        assertThat(form.locator("[data-field=current_password] .field-error")).hasText("the current password is wrong");

        form.getByLabel("Current password").fill("first-password-1");
        form.getByLabel("New password again").fill("something-else-3");
        button(form, "Change password").click();
        assertThat(form.locator("[data-field=confirm_password] .field-error")).hasText("the two new passwords differ");

        form.getByLabel("New password again").fill("second-password-2");
        button(form, "Change password").click();
        assertThat(page.locator("#password-result")).containsText("Password changed");
        assertThat(form.getByLabel("Current password")).hasValue("");

        page.reload();
        assertThat(page.locator("#account-facts")).containsText(email);
        assertThat(login(email, "first-password-1")).isEqualTo(401);
        assertThat(login(email, "second-password-2")).isEqualTo(200);
    }

    @Test
    void every_section_is_listed_and_an_unknown_one_says_so(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/settings/no-such-section");
        assertThat(page.locator("#settings-section")).containsText("There is no settings section “no-such-section”");
        assertThat(page.locator(".settings-nav a")).hasText(new String[] {"API keys", "Members", "Model prices", "Retention", "Account", "Masking", "Audit log"});
        page.locator(".settings-nav a", new Page.LocatorOptions().setHasText("Account")).click();
        assertThat(page).hasURL(Pattern.compile("/settings/account$"));
        assertThat(page.locator("#account-facts")).containsText(Dashboard.ADMIN_EMAIL);
        // the retention section is its own module: it shows its content, or what failed, never a blank page
        page.navigate("/settings/retention");
        assertThat(page.locator("#settings-section")).not().isEmpty();
        assertThat(page.locator("#settings-section .state.loading")).hasCount(0);
    }
}
