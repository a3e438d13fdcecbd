package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Logging in and out, and that no page answers without a login session. */
@ExtendWith(Dashboard.class)
class ITLogin {

    @Test
    void a_page_without_a_session_sends_the_browser_to_the_login_page_and_back_after_login(Page page) {
        page.navigate("/interactions?agent_id=support-bot");
        assertThat(page).hasURL(Pattern.compile("/login\\?next="));
        page.getByLabel("Email").fill(Dashboard.ADMIN_EMAIL);
        page.getByLabel("Password").fill(Dashboard.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page).hasURL(Pattern.compile("/interactions\\?agent_id=support-bot$"));
        assertThat(page.locator("nav.side a[aria-current=page]")).hasText("Interactions");
    }

    @Test
    void a_wrong_password_is_refused_with_a_message_and_no_session(Page page) {
        page.navigate("/login");
        page.getByLabel("Email").fill(Dashboard.ADMIN_EMAIL);
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator(".form-error")).hasText("Wrong email or password.");
        assertThat(page).hasURL(Pattern.compile("/login$"));
        APIResponse me = page.request().get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(401);
    }

    @Test
    void the_next_parameter_cannot_send_the_browser_to_another_site(Page page) {
        page.navigate("/login?next=//evil.example/steal");
        page.getByLabel("Email").fill(Dashboard.ADMIN_EMAIL);
        page.getByLabel("Password").fill(Dashboard.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForSelector("nav.side");
        assertThat(page.url()).startsWith(Dashboard.server().url() + "/");
    }

    @Test
    void logging_out_ends_the_session_for_pages_and_api(Page page) {
        Dashboard.logInAsAdmin(page);
        assertThat(page.request().get("/api/v1/auth/me").status()).isEqualTo(200);
        page.locator("#logout").click();
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(page.request().get("/api/v1/auth/me").status()).isEqualTo(401);
        page.navigate("/settings");
        assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Fsettings$"));
    }

    @Test
    void every_page_path_needs_a_session(Page page) {
        for (String path : new String[] {"/", "/overview", "/interactions", "/interactions/t-1", "/topology", "/agents",
            "/agents/support-bot", "/costs", "/feedback", "/alerts", "/sessions", "/sessions/s-1", "/settings", "/settings/keys",
            "/configurations", "/configurations/c-1", "/prompts", "/prompts/p-1", "/experiments", "/experiments/e-1",
            "/personalization", "/hpo", "/hpo/hpo_1", "/models", "/models/m-1",
            "/datasets", "/datasets/ds_aaaaaaaaaaaaaaaa",
            "/training", "/training/sft-1",
            "/settings/masking", "/settings/audit",
            "/context",
            "/predictions", "/predictions/handoff",
            "/learnings", "/learnings/l-1"}) {
            APIResponse answer = page.request().get(path, com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
            assertThat(answer.status()).as(path).isEqualTo(302);
            assertThat(answer.headers().get("location")).as(path).startsWith("/login?next=");
        }
    }
}
