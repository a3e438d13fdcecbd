package dev.sextant.e2e;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Dashboard.class)
class ITScratchShots {
    @Test
    void shots(Page page) {
        String id = ITHpoPage.demoStudy("bayesian");
        String grid = ITHpoPage.demoStudy("grid");
        Dashboard.logInAsAdmin(page);
        page.setViewportSize(1400, 900);
        String[][] paths = {{"/hpo", "hpo"}, {"/hpo/" + id, "hpo-bayes"}, {"/hpo/" + grid, "hpo-grid"}, {"/models", "models"},
            {"/models/support-bot-v2", "v2"}, {"/models/support-bot-v3", "v3"}, {"/models/support-bot-v1", "v1"}};
        for (String[] p : paths) {
            page.navigate(p[0]);
            ITAccessibility.waitUntilLoaded(page);
            page.waitForFunction("() => !document.querySelector('main#main .state.loading')");
            if (p[1].startsWith("hpo-")) {
                page.locator("#suggest").click();
                page.waitForSelector("#suggestion-reason");
            }
            page.waitForTimeout(800);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/dm/" + p[1] + ".png")).setFullPage(true));
        }
    }
}
