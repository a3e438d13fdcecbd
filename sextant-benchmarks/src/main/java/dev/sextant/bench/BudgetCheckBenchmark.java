package dev.sextant.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./sextant bench budget-check}: the latency an agent sees when it asks the budget check,
 * beside {@code GET /health} (no key; it borrows a pooled connection and checks it is valid) on
 * the same server in the same loop: the two requests alternate, so both see the same machine
 * load. One client thread sends them one after another over loopback HTTP/1.1 (keep-alive) to
 * the packaged server in a
 * child JVM, on an embedded store holding {@code traces} priced traces of the last 28 days (5
 * agents, 3 models) and 9 budgets (the workspace, each agent, each model): a check applies three.
 * Twice: with the default spent cache (5 s), and with a 1 ms cache, so every check reads the
 * budgets and sums the spending in the database (a twentieth of the requests: they are slow).
 */
final class BudgetCheckBenchmark {
    static final String KEY = "sk-bench-0123456789abcdefghij";
    private static final String[] AGENTS = {"support-bot", "coder", "triage", "writer", "planner"};
    private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "gemini-1.5-flash"};

    private final int requests;
    private final int traces;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BudgetCheckBenchmark(int requests, int traces) {
        this.requests = requests;
        this.traces = traces;
    }

    void run() throws Exception {
        Path serverJar = Path.of("sextant-server/target/sextant-server-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(serverJar)) {
            throw new IllegalStateException("no sextant-server jar at " + serverJar.toAbsolutePath() + "; run ./sextant build");
        }
        System.out.printf(Locale.ROOT, "Sextant budget-check benchmark: %,d sequential requests per line, %,d traces,"
                + " 9 budgets (3 apply per check), %d cores, %s%n", requests, traces,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Path dir = Files.createTempDirectory("sextant-bench-budget");
        for (String ttl : new String[] {"5s", "1ms"}) {
            try (ServerProcess server = ServerProcess.start(serverJar, dir.resolve("ttl-" + ttl), KEY, List.of(),
                    Map.of("SEXTANT_BUDGETS_CHECK_CACHE_TTL", ttl))) {
                seed(server.base);
                String check = "/api/v1/budgets/check?agent_id=coder&model=gpt-4o&estimated_cost_usd=0.0125";
                // every uncached check scans the spending: fewer of them, or the line takes minutes
                int count = ttl.equals("5s") ? requests : Math.max(100, requests / 20);
                measure(server.base, check, Math.max(100, count / 5)); // warm-up
                long[][] nanos = measure(server.base, check, count);
                print("GET /health (cache " + ttl + " run, n=" + count + ")", nanos[0]);
                print("GET /api/v1/budgets/check (spent cache " + ttl + ")", nanos[1]);
            }
        }
    }

    private void seed(URI base) throws Exception {
        Random random = new Random(1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int perBody = 2_000;
        for (int from = 0; from < traces; from += perBody) {
            StringBuilder body = new StringBuilder("{\"batch\": [");
            for (int i = from; i < Math.min(traces, from + perBody); i++) {
                Instant start = now.minusSeconds(random.nextInt(28 * 86_400));
                String agent = AGENTS[random.nextInt(AGENTS.length)];
                String model = MODELS[random.nextInt(MODELS.length)];
                BigDecimal cost = BigDecimal.valueOf(1 + random.nextInt(20_000), 6);
                body.append(i == from ? "" : ",").append("""
                        {"type": "trace", "body": {"id": "t-%d", "agent_id": "%s", "started_at": "%s"}},
                        {"type": "span", "body": {"id": "s-%d", "trace_id": "t-%d", "kind": "llm", "model": "%s",
                          "cost_usd": "%s", "started_at": "%s"}}""".formatted(i, agent, start, i, i, model,
                        cost.toPlainString(), start));
            }
            post(base, "/api/v1/ingest", body.append("]}").toString(), 200);
        }
        post(base, "/api/v1/budgets", budget("workspace", "workspace"), 201);
        for (String agent : AGENTS) {
            post(base, "/api/v1/budgets", budget(agent, "agent:" + agent), 201);
        }
        for (String model : MODELS) {
            post(base, "/api/v1/budgets", budget(model, "model:" + model), 201);
        }
    }

    private static String budget(String name, String scope) {
        return "{\"name\": \"" + name + "\", \"scope\": \"" + scope + "\", \"amount_usd\": 1000, \"period\": \"month\","
                + " \"enforcement\": \"enforce\"}";
    }

    private void post(URI base, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Nanoseconds per request, sorted: [0] of /health, [1] of the check, sent alternately. */
    private long[][] measure(URI base, String check, int count) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).GET().build();
        HttpRequest budget = HttpRequest.newBuilder(base.resolve(check))
                .header("Authorization", "Bearer " + KEY).GET().build();
        long[][] nanos = new long[2][count];
        for (int i = 0; i < count; i++) {
            nanos[0][i] = timed(health);
            nanos[1][i] = timed(budget);
        }
        Arrays.sort(nanos[0]);
        Arrays.sort(nanos[1]);
        return nanos;
    }

    private long timed(HttpRequest request) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - t0;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return took;
    }

    private static void print(String what, long[] sorted) {
        List<String> cells = new ArrayList<>();
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            cells.add(String.format(Locale.ROOT, "p%-2s %7.3f ms", (int) Math.round(q * 100),
                    sorted[(int) Math.ceil(q * sorted.length) - 1] / 1e6));
        }
        cells.add(String.format(Locale.ROOT, "max %8.3f ms", sorted[sorted.length - 1] / 1e6));
        System.out.printf(Locale.ROOT, "%-48s %s%n", what, String.join("  ", cells));
    }
}
