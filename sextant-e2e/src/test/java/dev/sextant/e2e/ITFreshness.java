package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.sextant.testing.RealServer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The frame's freshness indicator: connected live, and told when new data arrives. */
@ExtendWith(Dashboard.class)
class ITFreshness {

    @Test
    void the_indicator_is_live_and_reports_new_data_when_a_trace_is_ingested(Page page) {
        Dashboard.logInAsAdmin(page);
        assertThat(page.locator("#freshness")).hasClass(Pattern.compile("\\blive\\b"));
        assertThat(page.locator("#freshness")).hasText("live · no new data yet");
        RealServer.Answer answer = Dashboard.server().post("/api/v1/ingest", """
                {"batch": [{"type": "trace", "body": {"id": "fresh-%d", "agent_id": "freshness-bot",
                  "started_at": "2026-11-22T10:00:00Z"}}]}""".formatted(System.nanoTime()));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(page.locator("#freshness")).hasText(Pattern.compile("live · new data (just now|\\d+ s ago)"));
    }
}
