package dev.sextant.bench;

import java.util.Arrays;

/**
 * {@code ./sextant bench ingest [--spans N] [--batch N] [--clients N]} and
 * {@code ./sextant bench budget-check [--requests N] [--traces N]}.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("budget-check")) {
            budgetCheck(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 0 || !args[0].equals("ingest")) {
            System.err.println("usage: ./sextant bench ingest [--spans N] [--batch N] [--clients N]");
            System.err.println("       ./sextant bench budget-check [--requests N] [--traces N]");
            System.exit(2);
        }
        int spans = 200_000;
        int batch = 2_000;
        int clients = 4;
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        for (int i = 0; i < rest.length; i++) {
            String flag = rest[i];
            if (i + 1 >= rest.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            int value = Integer.parseInt(rest[++i]);
            switch (flag) {
                case "--spans" -> spans = value;
                case "--batch" -> batch = value;
                case "--clients" -> clients = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        new IngestBenchmark(spans, batch, clients).run();
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
}
