package dev.sextant.e2e;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Dashboard.class)
class ITTmpLearnShots {
    @Test
    void shots(Page page) {
        Dashboard.logInAsAdmin(page);
        for (String scheme : List.of("light", "dark")) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(
                    scheme.equals("dark") ? com.microsoft.playwright.options.ColorScheme.DARK : com.microsoft.playwright.options.ColorScheme.LIGHT));
            int i = 0;
            for (String path : List.of("/learnings", "/learnings/support-acknowledge-first", "/learnings/code-skip-tests-small-diffs")) {
                page.navigate(path);
                ITAccessibility.waitUntilLoaded(page);
                page.waitForTimeout(1500);
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/dl/shot-" + scheme + "-" + (i++) + ".png")).setFullPage(true));
                ITAccessibility.assertNoSeriousViolations(page, path + " " + scheme);
            }
        }
        page.navigate("/learnings");
        page.locator("#new-learning").click();
        page.waitForSelector("dialog[open]");
        page.locator("dialog[open] button[type=submit]").click();
        page.waitForTimeout(1000);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/dl/shot-dialog.png")).setFullPage(true));
        ITAccessibility.assertNoSeriousViolations(page, "dialog");
    }
}
