package dev.sextant.bench;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.SextantStore;
import dev.sextant.store.jdbc.JdbcStores;
import dev.sextant.store.training.DownsampleQuery;
import dev.sextant.store.training.MetricPage;
import dev.sextant.store.training.MetricQuery;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.MetricSeries;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.TrainingType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./sextant bench training [--points N] [--runs N] [--warmup N]}: one run of N metric values
 * (default 1,000,000: {@code train_loss} and {@code learning_rate} at each of N/2 steps), logged
 * in batches of 10,000 values three ways in one JVM run — a bare DuckDB appender into a table
 * without keys, the store's {@code append} without HTTP, and {@code POST .../metrics} to the
 * packaged server in a child JVM (one client, as a trainer logs) — then the loss curve read back:
 * {@code train_loss} downsampled to 1,000 buckets (what the chart asks for) and exact (every
 * point, paged 10,000 at a time as the API pages), each beside a bare SQL statement over the
 * same rows. The reads run on the server's own file (DuckDB lets one process hold it: HTTP first,
 * then the store and the bare SQL after the server stops). Every figure is the median (and
 * p95) of {@code runs} repetitions after {@code warmup}.
 */
final class TrainingBenchmark {
    static final String KEY = "sk-bench-0123456789abcdefghij";
    static final int BATCH = 10_000;
    static final int BUCKETS = 1_000;
    static final int PAGE = 10_000;
    private static final String RUN = "bench-run";
    private static final String LOSS = "train_loss";
    private static final long T0 = java.time.Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    private final int points;
    private final long buckets;
    private final int runs;
    private final int warmup;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TrainingBenchmark(int points, int runs, int warmup) {
        if (points < 2 * BATCH || points % 2 != 0) {
            throw new IllegalArgumentException("--points must be an even number of at least " + 2 * BATCH + ", was " + points);
        }
        this.points = points;
        long steps = points / 2;
        this.buckets = (steps - 1) / ((steps - 1) / BUCKETS + 1) + 1; // the store's bucket width over steps 0..steps-1
        this.runs = runs;
        this.warmup = warmup;
    }

    void run() throws Exception {
        Path serverJar = Path.of("sextant-server/target/sextant-server-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(serverJar)) {
            throw new IllegalStateException("no sextant-server jar at " + serverJar.toAbsolutePath() + "; run ./sextant build");
        }
        Path dir = Files.createTempDirectory("sextant-bench-training");
        int warmPoints = Math.max(2 * BATCH, points / 10 / BATCH * BATCH);
        List<List<MetricSample>> batches = batches(points);
        List<List<MetricSample>> warmBatches = batches(warmPoints);
        System.out.printf(Locale.ROOT, "Sextant training benchmark: %,d metric values (%s and learning_rate at %,d steps) logged"
                + " to one run in batches of %,d values; warm-up %,d values first on each path; %d cores, Java %s%n",
                points, LOSS, points / 2, BATCH, warmPoints, Runtime.getRuntime().availableProcessors(), Runtime.version());

        BareMetrics.append(dir.resolve("warm-bare.duckdb"), warmBatches, RUN);
        double bare = BareMetrics.append(dir.resolve("bare.duckdb"), batches, RUN);
        storeAppend(dir.resolve("warm-store.duckdb"), warmBatches);
        double store = storeAppend(dir.resolve("store.duckdb"), batches);

        List<byte[]> bodies = bodies(batches);
        Path serverDir = dir.resolve("server");
        String workspace;
        double overHttp;
        List<Double> httpDownsampled = new ArrayList<>();
        List<Double> httpExact = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(serverJar, serverDir, KEY, List.of())) {
            workspace = workspace(server.base);
            post(server.base, "/api/v1/training/runs", "{\"id\": \"bench-warm\", \"training_type\": \"fine_tuning\"}", 201);
            for (byte[] body : bodies(warmBatches)) {
                post(server.base, "/api/v1/training/runs/bench-warm/metrics", body, 200);
            }
            post(server.base, "/api/v1/training/runs", "{\"id\": \"" + RUN + "\", \"training_type\": \"fine_tuning\","
                    + " \"total_steps\": " + points / 2 + "}", 201);
            long t0 = System.nanoTime();
            for (byte[] body : bodies) {
                post(server.base, "/api/v1/training/runs/" + RUN + "/metrics", body, 200);
            }
            overHttp = points / ((System.nanoTime() - t0) / 1e9);
            bodies = null;
            URI chart = server.base.resolve("/api/v1/training/runs/" + RUN + "/metrics?name=" + LOSS + "&downsample=" + BUCKETS);
            for (int i = 0; i < warmup + runs; i++) {
                long t1 = System.nanoTime();
                int buckets = count(get(chart), "\"first_step\"");
                double a = millis(t1);
                long t2 = System.nanoTime();
                long exact = httpExact(server.base);
                double b = millis(t2);
                check(buckets == this.buckets, "the chart has " + buckets + " buckets, not " + this.buckets);
                check(exact == points / 2, "the exact read gave " + exact + " points, not " + points / 2);
                if (i >= warmup) {
                    httpDownsampled.add(a);
                    httpExact.add(b);
                }
            }
        }

        Path file = serverDir.resolve("sextant.duckdb");
        List<Double> storeDownsampled = new ArrayList<>();
        List<Double> storeExact = new ArrayList<>();
        try (SextantStore s = JdbcStores.duckdb(file)) {
            WorkspaceId ws = WorkspaceId.of(workspace);
            for (int i = 0; i < warmup + runs; i++) {
                long t1 = System.nanoTime();
                List<MetricSeries> series = s.trainingRuns().downsampled(ws, RUN, new DownsampleQuery(List.of(LOSS), null, null, BUCKETS));
                double a = millis(t1);
                long t2 = System.nanoTime();
                long exact = 0;
                String cursor = null;
                do {
                    MetricPage page = s.trainingRuns().points(ws, RUN, new MetricQuery(List.of(LOSS), null, null, PAGE, cursor));
                    exact += page.points().size();
                    cursor = page.nextCursor();
                } while (cursor != null);
                double b = millis(t2);
                check(series.getFirst().buckets().size() == buckets, "the store's chart has the wrong bucket count");
                check(exact == points / 2, "the store's exact read gave " + exact + " points");
                if (i >= warmup) {
                    storeDownsampled.add(a);
                    storeExact.add(b);
                }
            }
        }
        List<Double> bareDownsampled = new ArrayList<>();
        List<Double> bareExact = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            for (int i = 0; i < warmup + runs; i++) {
                long t1 = System.nanoTime();
                long buckets = BareMetrics.downsample(c, workspace, RUN, LOSS, BUCKETS);
                double a = millis(t1);
                long t2 = System.nanoTime();
                long rows = BareMetrics.select(c, workspace, RUN, LOSS);
                double b = millis(t2);
                check(buckets == this.buckets && rows == points / 2, "the bare SQL read " + buckets + " buckets, " + rows + " rows");
                if (i >= warmup) {
                    bareDownsampled.add(a);
                    bareExact.add(b);
                }
            }
        }
        long fileBytes = Files.size(file);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "%-62s %,12.0f values/s%n", "bare DuckDB appender (same rows, no keys, commit per batch)", bare);
        System.out.printf(Locale.ROOT, "%-62s %,12.0f values/s  (%.0f%% of bare)%n",
                "store: TrainingRunStore.append (one transaction per batch)", store, 100 * store / bare);
        System.out.printf(Locale.ROOT, "%-62s %,12.0f values/s  (%.0f%% of bare)%n",
                "HTTP: POST /api/v1/training/runs/{id}/metrics (loopback, key)", overHttp, 100 * overHttp / bare);
        System.out.printf(Locale.ROOT, "%nserver DuckDB file after both runs: %,d MB%n", fileBytes / (1 << 20));
        System.out.printf(Locale.ROOT, "%n%-62s %10s %10s%n", "loss curve, " + LOSS + " over " + String.format(Locale.ROOT, "%,d", points / 2)
                + " steps (ms), " + runs + " runs after " + warmup + " warm-up", "median", "p95");
        print("bare SQL: a 1,000-bucket GROUP BY (min, max, avg, last)", bareDownsampled);
        print("store: downsampled(1,000 buckets)", storeDownsampled);
        print("HTTP GET .../metrics?name=train_loss&downsample=1000", httpDownsampled);
        print("bare SQL: SELECT every point ORDER BY step, seq", bareExact);
        print("store: points(), pages of 10,000", storeExact);
        print("HTTP GET .../metrics?name=train_loss&exact=true, 10,000/page", httpExact);
    }

    /**
     * N/2 steps, each with {@code train_loss} (a noisy power-law decay) and {@code learning_rate}
     * (cosine from 1e-4), epoch 3 × step / steps, one step per 100 ms; cut into batches of
     * {@link #BATCH} values in step order.
     */
    static List<List<MetricSample>> batches(int values) {
        int steps = values / 2;
        java.util.Random random = new java.util.Random(7);
        List<List<MetricSample>> batches = new ArrayList<>();
        List<MetricSample> batch = new ArrayList<>(BATCH);
        for (int step = 0; step < steps; step++) {
            double epoch = 3.0 * step / steps;
            java.time.Instant at = java.time.Instant.ofEpochMilli(T0 + step * 100L);
            double loss = 0.3 + 2.0 / Math.sqrt(1 + step / 100.0) + 0.02 * random.nextGaussian();
            double lr = 1e-4 * 0.5 * (1 + Math.cos(Math.PI * step / steps));
            batch.add(new MetricSample(step, epoch, LOSS, loss, at));
            batch.add(new MetricSample(step, epoch, "learning_rate", lr, at));
            if (batch.size() == BATCH) {
                batches.add(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** The same batches as request bodies: one API point per step carrying both metrics. */
    static List<byte[]> bodies(List<List<MetricSample>> batches) {
        List<byte[]> bodies = new ArrayList<>(batches.size());
        for (List<MetricSample> batch : batches) {
            StringBuilder sb = new StringBuilder(batch.size() * 80).append("{\"points\":[");
            for (int i = 0; i < batch.size(); i += 2) {
                MetricSample a = batch.get(i);
                MetricSample b = batch.get(i + 1);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"step\":").append(a.step()).append(",\"epoch\":").append(a.epoch()).append(",\"timestamp\":\"")
                        .append(a.timestamp()).append("\",\"metrics\":{\"").append(a.name()).append("\":").append(a.value())
                        .append(",\"").append(b.name()).append("\":").append(b.value()).append("}}");
            }
            bodies.add(sb.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static double storeAppend(Path file, List<List<MetricSample>> batches) {
        try (SextantStore store = JdbcStores.duckdb(file)) {
            store.migrate();
            WorkspaceId ws = WorkspaceId.of("bench");
            store.workspaces().create(ws, "bench", "Benchmark");
            store.trainingRuns().create(ws, RUN, new NewTrainingRun(null, null, null, TrainingType.FINE_TUNING, null, null,
                    null, null), null);
            long values = 0;
            long t0 = System.nanoTime();
            for (List<MetricSample> batch : batches) {
                values += store.trainingRuns().append(ws, RUN, batch).orElseThrow().appended();
            }
            return values / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static final Pattern CURSOR = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");

    /** Pages through every exact point as a chart's "exact" view would; answers how many came. */
    private long httpExact(URI base) throws Exception {
        String path = "/api/v1/training/runs/" + RUN + "/metrics?name=" + LOSS + "&exact=true&limit=" + PAGE;
        long count = 0;
        String cursor = null;
        do {
            String body = get(base.resolve(path + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
            count += count(body, "\"step\"");
            Matcher m = CURSOR.matcher(body.substring(Math.max(0, body.length() - 512)));
            cursor = m.find() ? m.group(1) : null;
        } while (cursor != null);
        return count;
    }

    private String workspace(URI base) throws Exception {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(get(base.resolve("/api/v1/workspace")));
        if (!m.find()) {
            throw new IllegalStateException("GET /api/v1/workspace has no id");
        }
        return m.group(1);
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private void post(URI base, String path, String json, int expected) throws Exception {
        post(base, path, json.getBytes(StandardCharsets.UTF_8), expected);
    }

    private void post(URI base, String path, byte[] body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(2000, r.body().length())));
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static double millis(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void print(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        double median = sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1);
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        System.out.printf(Locale.ROOT, "%-62s %10.1f %10.1f%n", what, median, p95);
    }
}
