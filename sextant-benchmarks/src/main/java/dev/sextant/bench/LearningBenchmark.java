package dev.sextant.bench;

import dev.sextant.analytics.predictions.PredictionTrainer;
import dev.sextant.analytics.predictions.TrainedPredictor;
import dev.sextant.analytics.predictions.TrainingOutcome;
import dev.sextant.store.predictions.PredictionTarget;
import dev.sextant.store.predictions.TrainingRow;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * {@code ./sextant bench learning [--interactions 5000,20000] [--train-rows 2000,10000]
 * [--resend N] [--batch N] [--clients N] [--runs N] [--warmup N] [--predictions N]}: the issue-8
 * learning features through the packaged server on embedded DuckDB, each beside a bare baseline
 * measured in the same run.
 * <ul>
 * <li>ingest: the same generated support-bot traces (seeded; 6 context items each: channel, locale,
 * history_length, two retrieved_docs, vip) sent once WITHOUT context to one server and once WITH
 * context to another, in stages (traces/s per stage, so the cost as stored items grow shows), then
 * the newest {@code --resend} traces sent again with context (their items are replaced) and, to
 * the context-free server, without;</li>
 * <li>{@code GET /api/v1/context/relevance}, {@code /correlations}, {@code /patterns} over windows
 * holding each {@code --interactions} count, beside a bare SQL of the same shape on the same file
 * (after the server stopped: DuckDB lets one process hold a file);</li>
 * <li>{@code POST /api/v1/predictions/models/interaction_success/train} when the store holds each
 * {@code --train-rows} count, beside a bare Tribuo fit of the two learners on the same rows in this
 * JVM and the whole training protocol ({@link PredictionTrainer}) in this JVM; then
 * {@code POST /api/v1/predictions/interaction_success} per call beside an in-process predict of
 * the model.</li>
 * </ul>
 * Planted: a trace fails with probability 0.08, +0.45 when it retrieved {@code refund-policy-v1},
 * +0.2 for {@code channel=email} with {@code locale=de}.
 */
final class LearningBenchmark {
    static final String KEY = "sk-bench-0123456789abcdefghij";
    /** Tribuo reports every 1,000 SGD steps and every tree at INFO; held so the level stays (as the server's trainer does). */
    private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");
    private static final String[] CHANNELS = {"chat", "email", "phone"};
    private static final String[] LOCALES = {"en", "de", "fr", "es"};
    private static final String[] NAMES = {"answer", "refund", "lookup"};
    private static final String[] DOCS = {"refund-policy-v1", "refund-policy-v2", "faq-shipping", "faq-returns",
            "faq-payment", "faq-account", "guide-setup", "guide-billing", "kb-101", "kb-102", "kb-103", "kb-104"};
    private static final String TEXT = "I would like to know what happens with my order and why the refund has not"
            + " arrived yet although I sent everything you asked for two weeks ago, please check it again today";

    private final List<Integer> interactions;
    private final List<Integer> trainRows;
    private final int resend;
    private final int batch;
    private final int clients;
    private final int runs;
    private final int warmup;
    private final int predictions;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Instant t0;
    private final long stepMillis;
    private final List<Rec> recs;

    record Rec(String id, Instant start, long durationMs, String name, int inputLength, String channel, String locale,
            int history, String doc1, String doc2, boolean vip, boolean failed) {}

    LearningBenchmark(List<Integer> interactions, List<Integer> trainRows, int resend, int batch, int clients, int runs,
            int warmup, int predictions) {
        this.interactions = interactions.stream().sorted().toList();
        this.trainRows = trainRows.stream().sorted().toList();
        this.resend = resend;
        this.batch = batch;
        this.clients = clients;
        this.runs = runs;
        this.warmup = warmup;
        this.predictions = predictions;
        int total = Math.max(this.interactions.getLast(), this.trainRows.getLast());
        if (resend > total) {
            throw new IllegalArgumentException("--resend " + resend + " is more than the " + total + " traces sent");
        }
        // every trace inside the endpoints' default 30 days, oldest 28 days ago
        this.t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(28, ChronoUnit.DAYS);
        this.stepMillis = 27L * 86_400_000 / total;
        this.recs = generate(total);
    }

    private List<Rec> generate(int n) {
        Random random = new Random(42);
        List<Rec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String locale = LOCALES[random.nextInt(LOCALES.length)];
            int history = random.nextInt(41);
            int a = random.nextInt(DOCS.length);
            int b = (a + 1 + random.nextInt(DOCS.length - 1)) % DOCS.length;
            boolean vip = random.nextInt(10) == 0;
            double pFail = 0.08 + (a == 0 || b == 0 ? 0.45 : 0) + (channel.equals("email") && locale.equals("de") ? 0.2 : 0);
            boolean failed = random.nextDouble() < pFail;
            long duration = 400 + 30L * history + random.nextInt(400);
            // random ids, as SDKs make them (UUIDs): no zone map of the id columns can skip a block
            String id = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            out.add(new Rec(id, t0.plusMillis(i * stepMillis), duration,
                    NAMES[random.nextInt(NAMES.length)], 20 + random.nextInt(TEXT.length() - 20), channel, locale, history,
                    DOCS[a], DOCS[b], vip, failed));
        }
        return out;
    }

    private List<byte[]> bodies(int from, int to, boolean context) {
        List<byte[]> bodies = new ArrayList<>();
        for (int start = from; start < to; start += batch) {
            StringBuilder sb = new StringBuilder(batch * 420).append("{\"batch\":[");
            for (int i = start; i < Math.min(to, start + batch); i++) {
                Rec r = recs.get(i);
                if (i > start) {
                    sb.append(',');
                }
                sb.append("{\"type\":\"trace\",\"body\":{\"id\":\"").append(r.id()).append("\",\"agent_id\":\"support-bot\",")
                        .append("\"name\":\"").append(r.name()).append("\",\"started_at\":\"").append(r.start())
                        .append("\",\"ended_at\":\"").append(r.start().plusMillis(r.durationMs())).append("\",\"status\":\"")
                        .append(r.failed() ? "error" : "ok").append("\",\"input\":\"").append(TEXT, 0, r.inputLength()).append('"');
                if (context) {
                    sb.append(",\"context\":{\"channel\":\"").append(r.channel()).append("\",\"locale\":\"").append(r.locale())
                            .append("\",\"history_length\":").append(r.history()).append(",\"retrieved_docs\":[\"")
                            .append(r.doc1()).append("\",\"").append(r.doc2()).append("\"],\"vip\":").append(r.vip()).append('}');
                }
                sb.append("}}");
            }
            bodies.add(sb.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private List<Integer> stages() {
        TreeSet<Integer> all = new TreeSet<>(interactions);
        all.addAll(trainRows);
        return List.copyOf(all);
    }

    void run() throws Exception {
        TRIBUO.setLevel(java.util.logging.Level.WARNING);
        Path serverJar = Path.of("sextant-server/target/sextant-server-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(serverJar)) {
            throw new IllegalStateException("no sextant-server jar at " + serverJar.toAbsolutePath() + "; run ./sextant build");
        }
        Path dir = Files.createTempDirectory("sextant-bench-learning");
        List<Integer> stages = stages();
        int total = stages.getLast();
        System.out.printf(Locale.ROOT, "Sextant learning benchmark: %,d support-bot traces (6 context items each), batches of %,d,"
                + " %d client threads; context reads over %s interactions, %d runs after %d warm-up; training at %s rows;"
                + " %d cores, Java %s, load average %s%n", total, batch, clients, interactions, runs, warmup, trainRows,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());

        // 1. without context
        Map<Integer, Double> plain = new LinkedHashMap<>();
        double plainResend;
        try (ServerProcess server = ServerProcess.start(serverJar, dir.resolve("plain"), KEY, List.of())) {
            send(server.base, bodies(0, Math.min(total, 2 * batch), false)); // warm-up: ids re-sent below as well
            int done = 0;
            for (int stage : stages) {
                long t = System.nanoTime();
                send(server.base, bodies(done, stage, false));
                plain.put(stage, (stage - done) / seconds(t));
                done = stage;
            }
            long t = System.nanoTime();
            send(server.base, bodies(total - resend, total, false));
            plainResend = resend / seconds(t);
        }

        // 2. with context, training at its stages; then the reads and predictions on the full store
        Map<Integer, Double> withContext = new LinkedHashMap<>();
        Map<Integer, List<Double>> trainHttp = new LinkedHashMap<>();
        Map<Integer, String> trainAnswer = new LinkedHashMap<>();
        Map<String, Map<Integer, List<Double>>> readsHttp = new LinkedHashMap<>();
        List<Double> predictHttp = new ArrayList<>();
        double contextResend;
        String workspace;
        Path contextDir = dir.resolve("context");
        int trainRuns = 2;
        try (ServerProcess server = ServerProcess.start(serverJar, contextDir, KEY, List.of())) {
            workspace = workspace(server.base);
            send(server.base, bodies(0, Math.min(total, 2 * batch), true));
            int done = 0;
            for (int stage : stages) {
                long t = System.nanoTime();
                send(server.base, bodies(done, stage, true));
                withContext.put(stage, (stage - done) / seconds(t));
                done = stage;
                if (trainRows.contains(stage)) {
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < trainRuns; i++) {
                        long t1 = System.nanoTime();
                        trainAnswer.put(stage, post(server.base, "/api/v1/predictions/models/interaction_success/train", "{}", 200));
                        times.add(seconds(t1));
                    }
                    trainHttp.put(stage, times);
                }
            }
            long t = System.nanoTime();
            send(server.base, bodies(total - resend, total, true));
            contextResend = resend / seconds(t);

            for (String path : List.of("relevance", "correlations", "patterns")) {
                Map<Integer, List<Double>> bySize = new LinkedHashMap<>();
                for (int size : interactions) {
                    URI uri = server.base.resolve("/api/v1/context/" + path + "?" + window(size));
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < warmup + runs; i++) {
                        long t1 = System.nanoTime();
                        String body = get(uri);
                        double ms = millis(t1);
                        check(body.contains("\"status\": \"ok\"") || body.contains("\"status\":\"ok\"") || path.equals("patterns")
                                || path.equals("correlations"), path + " at " + size + " is not ok: " + head(body));
                        if (i >= warmup) {
                            times.add(ms);
                        }
                    }
                    bySize.put(size, times);
                }
                readsHttp.put(path, bySize);
            }
            String features = "{\"features\": {\"agent_id\": \"support-bot\", \"trace_name\": \"refund\", \"input_length\": 120,"
                    + " \"hour_of_day\": 14, \"weekday\": 3, \"context\": {\"channel\": \"email\", \"locale\": \"de\","
                    + " \"history_length\": 6, \"retrieved_docs\": [\"refund-policy-v1\", \"kb-101\"], \"vip\": false}}}";
            int predictWarm = Math.max(1, predictions / 5);
            for (int i = 0; i < predictWarm + predictions; i++) {
                long t1 = System.nanoTime();
                String answer = post(server.base, "/api/v1/predictions/interaction_success", features, 200);
                double ms = millis(t1);
                if (i == 0) {
                    System.out.println("POST /api/v1/predictions/interaction_success answered " + head(answer));
                }
                if (i >= predictWarm) {
                    predictHttp.add(ms);
                }
            }
        }
        long fileBytes = Files.size(contextDir.resolve("sextant.duckdb"));

        // 3. bare SQL on the same file
        Map<String, Map<Integer, List<Double>>> readsBare = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + contextDir.resolve("sextant.duckdb").toAbsolutePath())) {
            Map<String, String> sql = Map.of(
                    "relevance", "SELECT ci.item_type, ci.value_text, COUNT(*) AS n, SUM(CASE WHEN t.status <> 'error' THEN 1 ELSE 0 END)"
                            + " AS successes FROM traces t JOIN context_items ci ON ci.workspace_id = t.workspace_id AND ci.trace_id = t.id"
                            + " WHERE t.workspace_id = ? AND t.started_at >= ? AND t.started_at < ? AND t.agent_id = 'support-bot'"
                            + " GROUP BY ci.item_type, ci.value_text",
                    "correlations", "SELECT ci.item_type, ci.value_text, COUNT(*) AS n, AVG(CASE WHEN t.status <> 'error' THEN 1.0 ELSE 0.0 END),"
                            + " AVG(t.duration_ms), STDDEV_SAMP(t.duration_ms), AVG(t.cost_usd), CORR(ci.value_num, t.duration_ms)"
                            + " FROM traces t JOIN context_items ci ON ci.workspace_id = t.workspace_id AND ci.trace_id = t.id"
                            + " WHERE t.workspace_id = ? AND t.started_at >= ? AND t.started_at < ? AND t.agent_id = 'support-bot'"
                            + " GROUP BY ci.item_type, ci.value_text",
                    "patterns", "SELECT t.id, t.status, STRING_AGG(ci.item_type || '=' || ci.value_text, ',') FROM (SELECT id, status,"
                            + " workspace_id FROM traces WHERE workspace_id = ? AND started_at >= ? AND started_at < ?"
                            + " AND agent_id = 'support-bot' ORDER BY id LIMIT 20000) t"
                            + " JOIN context_items ci ON ci.workspace_id = t.workspace_id AND ci.trace_id = t.id GROUP BY t.id, t.status");
            for (String path : List.of("relevance", "correlations", "patterns")) {
                Map<Integer, List<Double>> bySize = new LinkedHashMap<>();
                for (int size : interactions) {
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < warmup + runs; i++) {
                        long t1 = System.nanoTime();
                        long rows = 0;
                        try (PreparedStatement ps = c.prepareStatement(sql.get(path))) {
                            ps.setString(1, workspace);
                            ps.setObject(2, t0.atOffset(ZoneOffset.UTC));
                            ps.setObject(3, end(size).atOffset(ZoneOffset.UTC));
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    rows++;
                                }
                            }
                        }
                        double ms = millis(t1);
                        check(rows > 0, "the bare " + path + " SQL read nothing at " + size);
                        if (i >= warmup) {
                            times.add(ms);
                        }
                    }
                    bySize.put(size, times);
                }
                readsBare.put(path, bySize);
            }
        }

        // 4. bare Tribuo and the whole protocol in this JVM, on the same rows
        Map<Integer, double[]> bareFit = new LinkedHashMap<>();
        Map<Integer, List<Double>> protocol = new LinkedHashMap<>();
        TrainingOutcome last = null;
        for (int size : trainRows) {
            List<TrainingRow> rows = recs.subList(0, size).stream().map(LearningBenchmark::row).toList();
            double[] fit = new double[2];
            for (int i = 0; i < trainRuns; i++) {
                long t1 = System.nanoTime();
                bareForest(rows);
                fit[0] = i == 0 ? seconds(t1) : Math.min(fit[0], seconds(t1));
                long t2 = System.nanoTime();
                bareLogistic(rows);
                fit[1] = i == 0 ? seconds(t2) : Math.min(fit[1], seconds(t2));
            }
            bareFit.put(size, fit);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < trainRuns; i++) {
                long t1 = System.nanoTime();
                last = new PredictionTrainer(7).train(PredictionTarget.INTERACTION_SUCCESS, rows);
                times.add(seconds(t1));
            }
            protocol.put(size, times);
        }
        List<Double> predictLocal = new ArrayList<>();
        if (last != null && last.model() != null) {
            TrainedPredictor predictor = TrainedPredictor.load(PredictionTarget.INTERACTION_SUCCESS, last.model());
            Map<String, String> categories = Map.of("agent_id", "support-bot", "trace_name", "refund", "hour_of_day", "14",
                    "weekday", "3");
            Map<String, Double> numbers = Map.of("input_length", 120.0, "context.history_length", 6.0);
            Set<String> indicators = Set.of("context.channel=email", "context.locale=de", "context.retrieved_docs=refund-policy-v1",
                    "context.retrieved_docs=kb-101", "context.vip=false");
            int predictWarm = Math.max(1, predictions / 5);
            for (int i = 0; i < predictWarm + predictions; i++) {
                long t1 = System.nanoTime();
                double p = predictor.predict(categories, numbers, indicators, Instant.now());
                double ms = millis(t1);
                check(p >= 0 && p <= 1, "in-process predict gave " + p);
                if (i >= predictWarm) {
                    predictLocal.add(ms);
                }
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }

        // report
        System.out.printf(Locale.ROOT, "%ningest through the server (traces/s; each stage sends the traces up to its count)%n");
        System.out.printf(Locale.ROOT, "%-44s %14s %14s %8s%n", "stage (stored context items after it)", "no context", "6 items each", "ratio");
        int done = 0;
        for (int stage : stages) {
            System.out.printf(Locale.ROOT, "%-44s %,14.0f %,14.0f %7.0f%%%n", String.format(Locale.ROOT, "traces %,d-%,d (%,d items)",
                    done, stage, 6L * stage), plain.get(stage), withContext.get(stage), 100 * withContext.get(stage) / plain.get(stage));
            done = stage;
        }
        System.out.printf(Locale.ROOT, "%-44s %,14.0f %,14.0f %7.0f%%%n", String.format(Locale.ROOT, "re-send newest %,d (%,d items stored)",
                resend, 6L * total), plainResend, contextResend, 100 * contextResend / plainResend);
        System.out.printf(Locale.ROOT, "server DuckDB file with context: %,d MB%n", fileBytes / (1 << 20));

        System.out.printf(Locale.ROOT, "%ncontext reads (ms), %d runs after %d warm-up%n", runs, warmup);
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s %10s%n", "", "bare p50", "bare p95", "HTTP p50", "HTTP p95");
        for (String path : List.of("relevance", "correlations", "patterns")) {
            for (int size : interactions) {
                List<Double> b = readsBare.get(path).get(size);
                List<Double> h = readsHttp.get(path).get(size);
                System.out.printf(Locale.ROOT, "%-44s %10.1f %10.1f %10.1f %10.1f%n", String.format(Locale.ROOT,
                        "GET /api/v1/context/%s, %,d", path, size), pct(b, 0.5), pct(b, 0.95), pct(h, 0.5), pct(h, 0.95));
            }
        }

        System.out.printf(Locale.ROOT, "%ninteraction_success training (s; %d runs each: the faster, then the slower)%n", trainRuns);
        System.out.printf(Locale.ROOT, "%-10s %14s %14s %20s %20s%n", "rows", "bare forest", "bare logistic",
                "protocol in-process", "HTTP .../train");
        for (int size : trainRows) {
            double[] fit = bareFit.get(size);
            List<Double> p = protocol.get(size).stream().sorted().toList();
            List<Double> h = trainHttp.get(size).stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%,-10d %14.2f %14.2f %20s %20s%n", size, fit[0], fit[1],
                    String.format(Locale.ROOT, "%.2f / %.2f", p.getFirst(), p.getLast()),
                    String.format(Locale.ROOT, "%.2f / %.2f", h.getFirst(), h.getLast()));
            System.out.println("  server: " + head(trainAnswer.get(size).replaceAll("\"quality\".*", "")));
        }
        System.out.printf(Locale.ROOT, "%nprediction per call (ms), %,d calls after %,d warm-up%n", predictions, Math.max(1, predictions / 5));
        if (!predictLocal.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-44s %10.3f p50 %10.3f p95%n", "in-process TrainedPredictor.predict", pct(predictLocal, 0.5),
                    pct(predictLocal, 0.95));
        }
        System.out.printf(Locale.ROOT, "%-44s %10.3f p50 %10.3f p95%n", "HTTP POST /api/v1/predictions/interaction_success",
                pct(predictHttp, 0.5), pct(predictHttp, 0.95));
        System.out.println("load average at the end: " + loadAverage());
    }

    /** The row the store would read for a trace, built from what was sent (the same features). */
    static TrainingRow row(Rec r) {
        Set<String> indicators = Set.of("context.channel=" + r.channel(), "context.locale=" + r.locale(),
                "context.retrieved_docs=" + r.doc1(), "context.retrieved_docs=" + r.doc2(), "context.vip=" + r.vip());
        return new TrainingRow(r.id(), r.id(), r.start(), Map.of("agent_id", "support-bot", "trace_name", r.name()),
                Map.of("input_length", (double) r.inputLength(), "context.history_length", (double) r.history()),
                indicators, r.failed() ? 0 : 1);
    }

    private static MutableDataset<Label> dataset(List<TrainingRow> rows) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("bench",
                java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"), labels), labels);
        for (TrainingRow row : rows) {
            TreeMap<String, Double> f = new TreeMap<>();
            f.put("bias", 1.0);
            row.categories().forEach((k, v) -> f.put(k + "=" + v, 1.0));
            row.indicators().forEach(k -> f.put(k, 1.0));
            ZonedDateTime utc = row.at().atZone(ZoneOffset.UTC);
            f.put("hour_of_day=" + utc.getHour(), 1.0);
            f.put("weekday=" + utc.getDayOfWeek().getValue(), 1.0);
            row.numbers().forEach((k, v) -> f.put(k, Math.log1p(v)));
            data.add(new ArrayExample<>(new Label(row.label() == 1 ? "1" : "0"), f.keySet().toArray(String[]::new),
                    f.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return data;
    }

    /** The server's forest (40 CART trees, depth 8, half the features per split), fitted once on every row. */
    private static Model<Label> bareForest(List<TrainingRow> rows) {
        return new RandomForestTrainer<>(new CARTClassificationTrainer(8, 0.5f, 7), new FullyWeightedVotingCombiner(), 40, 7)
                .train(dataset(rows));
    }

    /** The server's logistic regression (AdaGrad SGD, 10 epochs), fitted once on every row. */
    private static Model<Label> bareLogistic(List<TrainingRow> rows) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 10, 7).train(dataset(rows));
    }

    private Instant end(int size) {
        return size >= recs.size() ? recs.getLast().start().plusMillis(1) : recs.get(size).start();
    }

    private String window(int size) {
        return "agent_id=support-bot&from=" + URLEncoder.encode(t0.toString(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(end(size).toString(), StandardCharsets.UTF_8);
    }

    private void send(URI base, List<byte[]> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                done.add(pool.submit(() -> {
                    for (int b; (b = next.getAndIncrement()) < bodies.size(); ) {
                        post(base, "/api/v1/ingest", bodies.get(b), 200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private String workspace(URI base) throws Exception {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(get(base.resolve("/api/v1/workspace")));
        check(m.find(), "GET /api/v1/workspace has no id");
        return m.group(1);
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        check(r.statusCode() == 200, uri + " answered " + r.statusCode() + ": " + head(r.body()));
        return r.body();
    }

    private String post(URI base, String path, String json, int expected) throws Exception {
        return post(base, path, json.getBytes(StandardCharsets.UTF_8), expected);
    }

    private String post(URI base, String path, byte[] body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        check(r.statusCode() == expected, path + " answered " + r.statusCode() + ": " + head(r.body()));
        return r.body();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String head(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double millis(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double pct(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
    }
}
