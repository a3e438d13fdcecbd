package dev.sextant.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./sextant bench ingest [--spans N] [--batch N] [--clients N]} and
 * {@code ./sextant bench analytics [--spans N] [--data DIR] [--runs N] [--warmup N] [--export-rows N]} and
 * {@code ./sextant bench budget-check [--requests N] [--traces N]} and
 * {@code ./sextant bench dashboard [--spans N] [--data DIR] [--runs N] [--warmup N]} (page loads in Chromium over the analytics data) and
 * {@code ./sextant bench experiment [--units N] [--runs N] [--warmup N]} (an experiment's results) and
 * {@code ./sextant bench masking [--spans N] [--batch N] [--clients N]} (ingest with masking off, default, everything on) and
 * {@code ./sextant bench training [--points N] [--runs N] [--warmup N]} (1M training metric values: logging and the loss curve) and
 * {@code ./sextant bench learning [--interactions N,N] [--train-rows N,N] [--resend N] [--batch N] [--clients N] [--runs N]
 * [--warmup N] [--predictions N]} (context ingest, context reads, prediction training and calls).
 */
public final class BenchMain {
    private static final String USAGE = """
            usage: ./sextant bench ingest [--spans N] [--batch N] [--clients N]
                   ./sextant bench analytics [--spans N] [--data DIR] [--runs N] [--warmup N] [--export-rows N]
                   ./sextant bench budget-check [--requests N] [--traces N]
                   ./sextant bench dashboard [--spans N] [--data DIR] [--runs N] [--warmup N]
                   ./sextant bench experiment [--units N] [--runs N] [--warmup N]
                   ./sextant bench masking [--spans N] [--batch N] [--clients N]
                   ./sextant bench training [--points N] [--runs N] [--warmup N]
                   ./sextant bench learning [--interactions N,N] [--train-rows N,N] [--resend N] [--batch N] [--clients N]
                                            [--runs N] [--warmup N] [--predictions N]""";

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        // the store's libraries (Flyway, Hikari) would otherwise log every step between the figures
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length > 0 && args[0].equals("experiment")) {
            experiment(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("training")) {
            training(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("learning")) {
            learning(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("budget-check")) {
            budgetCheck(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 0 || !(args[0].equals("ingest") || args[0].equals("analytics") || args[0].equals("dashboard")
                || args[0].equals("masking"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        boolean dashboard = args[0].equals("dashboard");
        boolean analytics = args[0].equals("analytics") || dashboard;
        long spans = analytics ? 10_000_000 : 200_000;
        int batch = 2_000;
        int clients = 4;
        int runs = 10;
        int warmup = 3;
        Long exportRows = null;
        Path data = null;
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        for (int i = 0; i < rest.length; i++) {
            String flag = rest[i];
            if (i + 1 >= rest.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = rest[++i];
            switch (flag) {
                case "--spans" -> spans = Long.parseLong(value.replace("_", ""));
                case "--batch" -> batch = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--export-rows" -> exportRows = Long.parseLong(value.replace("_", ""));
                case "--data" -> data = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        if (dashboard) {
            Path dir = data != null ? data : Path.of(".sextant-bench", "analytics-" + spans);
            new DashboardBenchmark(spans, dir, warmup, runs).run();
        } else if (analytics) {
            Path dir = data != null ? data : Path.of(".sextant-bench", "analytics-" + spans);
            long rows = exportRows != null ? exportRows : Math.min(1_000_000, spans / 10);
            new AnalyticsBenchmark(spans, dir, warmup, runs, rows).run();
        } else if (args[0].equals("masking")) {
            new MaskingBenchmark((int) spans, batch, clients).run();
        } else {
            new IngestBenchmark((int) spans, batch, clients).run();
        }
    }

    private static void budgetCheck(String[] options) throws Exception {
        int requests = 20_000;
        int traces = 100_000;
        for (int i = 0; i < options.length; i++) {
            String flag = options[i];
            if (i + 1 >= options.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            int value = Integer.parseInt(options[++i]);
            switch (flag) {
                case "--requests" -> requests = value;
                case "--traces" -> traces = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        new BudgetCheckBenchmark(requests, traces).run();
    }

    private static void experiment(String[] options) throws Exception {
        int units = 1_000_000;
        int runs = 10;
        int warmup = 2;
        for (int i = 0; i < options.length; i++) {
            String flag = options[i];
            if (i + 1 >= options.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            int value = Integer.parseInt(options[++i].replace("_", ""));
            switch (flag) {
                case "--units" -> units = value;
                case "--runs" -> runs = value;
                case "--warmup" -> warmup = value;
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        new ExperimentBenchmark(units, runs, warmup).run();
    }

    private static void training(String[] options) throws Exception {
        int points = 1_000_000;
        int runs = 10;
        int warmup = 2;
        for (int i = 0; i < options.length; i++) {
            String flag = options[i];
            if (i + 1 >= options.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            int value = Integer.parseInt(options[++i].replace("_", "").replace(",", ""));
            switch (flag) {
                case "--points" -> points = value;
                case "--runs" -> runs = value;
                case "--warmup" -> warmup = value;
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        new TrainingBenchmark(points, runs, warmup).run();
    }

    private static void learning(String[] options) throws Exception {
        // small by default (a few minutes on a busy 2-core machine); docs/PERFORMANCE.md has the
        // figures of --interactions 20000,100000 --train-rows 10000,50000 --resend 10000 --runs 5 --warmup 2 --predictions 1000
        java.util.List<Integer> interactions = java.util.List.of(5_000, 20_000);
        java.util.List<Integer> trainRows = java.util.List.of(2_000, 10_000);
        int resend = 2_000;
        int batch = 1_000;
        int clients = 2;
        int runs = 3;
        int warmup = 1;
        int predictions = 500;
        for (int i = 0; i < options.length; i++) {
            String flag = options[i];
            if (i + 1 >= options.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = options[++i].replace("_", "");
            switch (flag) {
                case "--interactions" -> interactions = counts(flag, value);
                case "--train-rows" -> trainRows = counts(flag, value);
                case "--resend" -> resend = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--predictions" -> predictions = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        new LearningBenchmark(interactions, trainRows, resend, batch, clients, runs, warmup, predictions).run();
    }

    /** A comma-separated list of positive counts, e.g. {@code 20000,100000}. */
    private static java.util.List<Integer> counts(String flag, String value) {
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            int n = Integer.parseInt(part.trim());
            if (n < 1_000) {
                throw new IllegalArgumentException(flag + " counts must be at least 1000, was " + n);
            }
            counts.add(n);
        }
        return counts;
    }
}
