package dev.sextant.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The rows both sides of the benchmark write: traces of ten spans (an agent span, LLM calls with
 * usage, tool calls, a decision), with hex ids and a small JSON attribute object, so a row is
 * about the ~420 bytes of a real span.
 */
record SpanRows(List<Row> rows, int spansPerTrace) {

    record Row(String id, String traceId, String parentId, String kind, String name, Instant start,
               Instant end, String model, long inputTokens, long outputTokens, String toolName,
               String attributes, String input, String output) {}

    static SpanRows generate(int spans, long seed) {
        Random random = new Random(seed);
        int perTrace = 10;
        List<Row> rows = new ArrayList<>(spans);
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; rows.size() < spans; i++) {
            String traceId = hex(random, 16);
            String root = hex(random, 8);
            Instant t0 = base.plusMillis(i * 1000L);
            for (int j = 0; j < perTrace && rows.size() < spans; j++) {
                Instant start = t0.plusMillis(j * 50L);
                Instant end = start.plusMillis(20 + random.nextInt(400));
                String attrs = "{\"http.status\":200,\"region\":\"eu-west-1\",\"attempt\":" + (j % 3) + "}";
                if (j == 0) {
                    rows.add(new Row(root, traceId, null, "agent", "handle_request", start, end, null, 0, 0,
                            null, attrs, "Where is my order " + i + "?", "It ships tomorrow."));
                } else if (j % 3 == 1) {
                    rows.add(new Row(hex(random, 8), traceId, root, "llm", "generate", start, end,
                            j % 2 == 0 ? "gpt-4o-mini" : "gemini-1.5-flash", 500 + random.nextInt(2000),
                            50 + random.nextInt(500), null, attrs, null, null));
                } else if (j % 3 == 2) {
                    rows.add(new Row(hex(random, 8), traceId, root, "tool", "lookup", start, end, null, 0, 0,
                            "order_lookup", attrs, "{\"order\":" + i + "}", "{\"status\":\"shipped\"}"));
                } else {
                    rows.add(new Row(hex(random, 8), traceId, root, "event", "step", start, end, null, 0, 0,
                            null, attrs, null, null));
                }
            }
        }
        return new SpanRows(rows, perTrace);
    }

    private static String hex(Random random, int bytes) {
        StringBuilder sb = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16)).append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}
