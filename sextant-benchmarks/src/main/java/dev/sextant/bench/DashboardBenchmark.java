package dev.sextant.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Page loads of the dashboard over the analytics benchmark's store (10 million spans by default),
 * in Debian's headless Chromium driven by Playwright: from navigation start until the page shows
 * its data (no block still loading), timed by the browser's own clock. Beside each page, in the
 * same run: the shell alone (the login page: HTML, scripts, styles, no data) and the very API
 * requests the page made, each timed on its own from Java with the same session — the page can
 * be no faster than the shell plus its slowest request. Done twice: with the answer cache off
 * (every load computes every answer: a first look at a range) and on (the product's default:
 * repeated looks within the cache's TTL, while no new data arrives).
 */
final class DashboardBenchmark {
    private static final String EMAIL = "bench-dashboard@example.test";
    private static final String PASSWORD = "bench-dashboard-password";
    /** The page is loaded when this holds: no block is loading and the page's own content is there. */
    private static final String LOADED = """
            sel => { const m = document.querySelector('main#main');
              return m && !m.querySelector('.state.loading') && !!m.querySelector(sel) ? performance.now() : null; }""";

    private record PageSpec(String name, String path, String readySelector) {}

    private static final List<PageSpec> PAGES = List.of(
            new PageSpec("overview (7 d)", "/", "[data-kpi]"),
            new PageSpec("interactions explorer", "/interactions", "table.data tbody tr"),
            new PageSpec("interactions explorer, page 2", null, "table.data tbody tr"));

    private final long spans;
    private final Path dataDir;
    private final int warmup;
    private final int runs;

    DashboardBenchmark(long spans, Path dataDir, int warmup, int runs) {
        this.spans = spans;
        this.dataDir = dataDir;
        this.warmup = warmup;
        this.runs = runs;
    }

    void run() throws Exception {
        Path serverJar = Path.of("sextant-server/target/sextant-server-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(serverJar)) {
            throw new IllegalStateException("no server jar at " + serverJar.toAbsolutePath() + "; build it and run this from the repository root");
        }
        Path chromium = Stream.of(System.getenv("SEXTANT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> p != null && !p.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Chromium at /usr/bin/chromium (Debian package chromium) or SEXTANT_CHROMIUM"));
        AnalyticsLoad.Loaded data = AnalyticsLoad.ensure(serverJar, dataDir, spans);
        System.out.printf("Sextant dashboard benchmark: %,d spans in %,d traces, data up to %s; %d cores, Java %s, %s%n",
                data.spans(), data.traces(), data.end(), Runtime.getRuntime().availableProcessors(), Runtime.version(), chromium);
        System.out.printf("%d loads per page after %d warm-ups; times in ms: median / p95 (nearest rank)%n", runs, warmup);
        for (boolean cache : new boolean[] {false, true}) {
            try (ServerProcess server = ServerProcess.start(serverJar, dataDir, AnalyticsLoad.KEY, List.of(),
                    Map.of("SEXTANT_ANALYTICS_CACHE_ENABLED", Boolean.toString(cache)))) {
                ensureUser(server.base);
                System.out.printf("%nanswer cache %s%n", cache ? "on (default; repeated looks while no new data arrives)"
                        : "off (every load computes every answer)");
                System.out.printf("%-32s %18s %18s %22s %8s%n", "page", "page load", "shell alone", "slowest API request", "requests");
                measure(server.base, chromium);
            }
        }
    }

    /** A dashboard user for the benchmark, added with the bootstrap admin key (already there on later runs: 409). */
    private static void ensureUser(URI base) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/members"))
                .header("Authorization", "Bearer " + AnalyticsLoad.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + EMAIL + "\", \"role\": \"admin\", \"password\": \""
                        + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("could not add the benchmark's user: " + r.statusCode() + " " + r.body());
        }
    }

    private void measure(URI base, Path chromium) throws Exception {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                        .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                "--disable-dev-shm-usage")));
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                        .setBaseURL(base.toString()))) {
            Page page = context.newPage();
            page.navigate("/login");
            page.getByLabel("Email").fill(EMAIL);
            page.getByLabel("Password").fill(PASSWORD);
            page.locator("button[type=submit]").click();
            page.waitForSelector("nav.side");
            String cookie = context.cookies().stream().filter(c -> c.name.equals("sextant_session")).map(c -> c.value)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no session cookie after login"));

            String page2 = null;
            for (PageSpec spec : PAGES) {
                String path = spec.path() != null ? spec.path() : page2;
                if (path == null) {
                    continue;
                }
                List<String> requests = new CopyOnWriteArrayList<>();
                Consumer<Request> listener = r -> {
                    if (r.url().contains("/api/v1/") && !r.url().contains("/api/v1/events") && !r.url().contains("/api/v1/auth/me")) {
                        requests.add(r.url());
                    }
                };
                page.onRequest(listener);
                // requests still running when the page shows its data (e.g. the explorer's summary after its
                // table): they finish before the next load starts, as they would while a person reads the page
                AtomicInteger inFlight = new AtomicInteger();
                Consumer<Request> started = r -> {
                    if (r.url().contains("/api/v1/") && !r.url().contains("/api/v1/events")) {
                        inFlight.incrementAndGet();
                    }
                };
                Consumer<Request> ended = r -> {
                    if (r.url().contains("/api/v1/") && !r.url().contains("/api/v1/events")) {
                        inFlight.decrementAndGet();
                    }
                };
                page.onRequest(started);
                page.onRequestFinished(ended);
                page.onRequestFailed(ended);
                List<Double> loads = new ArrayList<>();
                for (int i = 0; i < warmup + runs; i++) {
                    requests.clear();
                    page.navigate(path);
                    double at = ((Number) page.waitForFunction(LOADED, spec.readySelector(),
                            new Page.WaitForFunctionOptions().setTimeout(120_000)).jsonValue()).doubleValue();
                    if (i >= warmup) {
                        loads.add(at);
                    }
                    for (int w = 0; w < 3000 && inFlight.get() > 0; w++) {
                        page.waitForTimeout(10);
                    }
                }
                page.offRequest(started);
                page.offRequestFinished(ended);
                page.offRequestFailed(ended);
                List<String> made = List.copyOf(requests);
                page.offRequest(listener);
                if (spec.path() != null && spec.path().equals("/interactions")) {
                    // the second page of the explorer, through its own Next link (deep paging by cursor)
                    var next = page.locator("a:has-text('Next'), button:has-text('Next')").first();
                    if (next.count() > 0) {
                        next.click();
                        page.waitForFunction(LOADED, spec.readySelector());
                        page2 = page.url().substring(base.toString().length());
                    }
                }
                List<Double> shell = new ArrayList<>();
                for (int i = 0; i < warmup + runs; i++) {
                    page.navigate("/login");
                    double at = ((Number) page.waitForFunction("() => document.querySelector('form.login-form') ? performance.now() : null")
                            .jsonValue()).doubleValue();
                    if (i >= warmup) {
                        shell.add(at);
                    }
                }
                List<Double> slowest = new ArrayList<>();
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < warmup + runs; i++) {
                    double max = 0;
                    for (String url : made) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "sextant_session=" + cookie)
                                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(url + " answered " + r.statusCode());
                        }
                        max = Math.max(max, ms);
                    }
                    if (i >= warmup) {
                        slowest.add(max);
                    }
                }
                System.out.printf("%-32s %18s %18s %22s %8d%n", spec.name(), figures(loads), figures(shell), figures(slowest), made.size());
            }
        }
    }

    private static String figures(List<Double> millis) {
        if (millis.isEmpty()) {
            return "-";
        }
        List<Double> sorted = millis.stream().sorted().toList();
        double median = sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1);
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        return String.format("%7.1f / %7.1f", median, p95);
    }
}
