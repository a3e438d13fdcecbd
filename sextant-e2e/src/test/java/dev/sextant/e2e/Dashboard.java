package dev.sextant.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.sextant.testing.RealServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The dashboard under test: one real server with the demo data and one headless Chromium for the
 * whole run (both started on first use, closed when the JVM ends), and for each test a fresh
 * browser context (no cookies) with a page, injected as a {@link Page} parameter. A failing test
 * leaves a full-page screenshot in {@code target/screenshots/<class>.<test>.png}.
 *
 * <p>The browser is the system's Chromium ({@code /usr/bin/chromium}, Debian's package, or
 * {@code SEXTANT_CHROMIUM}); Playwright never downloads one. {@code ./sextant test} and
 * {@code .ci/run} install the package when it is missing.
 */
public final class Dashboard implements BeforeEachCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {
    public static final String ADMIN_EMAIL = "admin@e2e.sextant.test";
    public static final String ADMIN_PASSWORD = "e2e-admin-password-1";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Dashboard.class);
    private static RealServer server;
    private static Playwright playwright;
    private static Browser browser;

    /** The shared server (demo data loaded, the admin above, the test-server's admin key). */
    public static synchronized RealServer server() {
        if (server == null) {
            // alert rules evaluated every 5 s rather than every minute, so a test sees its rule fire soon
            server = RealServer.startWith("--sextant.demo=true", "--sextant.bootstrap-admin-email=" + ADMIN_EMAIL,
                    "--sextant.bootstrap-admin-password=" + ADMIN_PASSWORD, "--sextant.alerts.evaluation-interval=5s");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.close()));
        }
        return server;
    }

    static synchronized Browser browser() {
        if (browser == null) {
            Path chromium = chromium().orElseThrow(() -> new IllegalStateException(
                    "no Chromium found at $SEXTANT_CHROMIUM, /usr/bin/chromium or /usr/bin/chromium-browser; "
                            + "install Debian's 'chromium' package (./sextant test does it when run as root)"));
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    private static Optional<Path> chromium() {
        String configured = System.getenv("SEXTANT_CHROMIUM");
        return Stream.of(configured, "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> p != null && !p.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server();
        BrowserContext browserContext = browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setBaseURL(server.url()));
        browserContext.setDefaultTimeout(15_000);
        Page page = browserContext.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                System.err.println("[browser console] " + m.text());
            }
        });
        page.onPageError(e -> System.err.println("[browser page error] " + e));
        context.getStore(NS).put("context", browserContext);
        context.getStore(NS).put("page", page);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Page page = context.getStore(NS).get("page", Page.class);
        if (page != null) {
            try {
                Path dir = Path.of(System.getProperty("sextant.e2e.screenshots", "target/screenshots"));
                Files.createDirectories(dir);
                // the display name tells parameterized runs apart ("[3] /costs")
                String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                        + (context.getDisplayName().startsWith("[") ? "." + context.getDisplayName().replaceAll("[^A-Za-z0-9._-]+", "_") : "");
                Path file = dir.resolve(name + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                System.err.println("screenshot of the failing page: " + file.toAbsolutePath() + " (at " + page.url() + ")");
            } catch (RuntimeException | java.io.IOException e) {
                throwable.addSuppressed(e);
            }
        }
        throw throwable;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BrowserContext browserContext = context.getStore(NS).remove("context", BrowserContext.class);
        if (browserContext != null) {
            browserContext.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getStore(NS).get("page", Page.class);
    }

    /** Logs in through the login form and waits for the overview's frame. */
    public static void logIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForSelector("nav.side");
    }

    public static void logInAsAdmin(Page page) {
        logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    }
}
