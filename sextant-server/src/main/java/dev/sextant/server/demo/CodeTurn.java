package dev.sextant.server.demo;

import dev.sextant.server.demo.CodeTexts.Repo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request to the coding assistant: tools to read and test code, the model call (Claude with
 * its prompt cache, or o3-mini with reasoning for hard bugs, whose client reports its own cost),
 * the generated code, the developer's verdict and, sometimes, a pattern learned from it.
 */
final class CodeTurn {
    static final String SONNET = "claude-3-5-sonnet-20241022";
    static final String O3_MINI = "o3-mini-2025-01-31";
    /** Anthropic's ephemeral prompt cache lives five minutes after its last use. */
    private static final Duration CACHE_TTL = Duration.ofMinutes(5);

    /** A working session: who, where, and the state of the prompt cache across its requests. */
    static final class Session {
        final String id;
        final String developer;
        final Repo repo;
        final String branch;
        final long repoContextTokens;
        final int day;
        /** The code-assistant configuration version the session runs (1, 2, or 3 with the repository map). */
        final int version;
        final String experimentId;
        final String variantId;
        Instant cacheUsedAt;

        Session(String id, String developer, Repo repo, String branch, long repoContextTokens, int day, int version,
                String experimentId, String variantId) {
            this.id = id;
            this.developer = developer;
            this.repo = repo;
            this.branch = branch;
            this.repoContextTokens = repoContextTokens + (version == 3 ? REPO_MAP_TOKENS : 0);
            this.day = day;
            this.version = version;
            this.experimentId = experimentId;
            this.variantId = variantId;
        }

        boolean repoMap() {
            return version == 3;
        }

        String configVersion() {
            return CodeAssistantStory.AGENT + "-v" + version;
        }

        /** code-generate v2 came with configuration v2 (and v3, branched from it). */
        int templateVersion() {
            return version == 1 ? 1 : 2;
        }
    }

    /** The prompt template every generation renders. */
    static final String TEMPLATE = "code-generate";
    /** The repository map v3 adds to the context. */
    static final long REPO_MAP_TOKENS = 1800;

    /** Outside the repository-map arm the figures are as they were; the map makes patches and tests a little better. */
    private double better(double failureRate) {
        return session.repoMap() ? failureRate * 0.7 : failureRate;
    }

    record Outcome(List<WireItem> items, Instant end) {}

    private static final List<String> TASKS = List.of("complete", "explain", "refactor", "write_tests", "fix_bug");

    private final DemoRandom random;
    private final Session session;
    private final String traceId;
    private final Instant start;
    private final Timeline clock;
    private final List<WireItem> items = new ArrayList<>();
    private final String root;
    private int spanCount = 1;
    private long readTokens;

    CodeTurn(DemoRandom random, Session session, String traceId, Instant start) {
        this.random = random;
        this.session = session;
        this.traceId = traceId;
        this.start = start;
        this.clock = new Timeline(start);
        this.root = traceId + "-s01";
    }

    Outcome play() {
        String task = TASKS.get(random.weighted(40, 15, 15, 15, 15));
        String file = random.pick(session.repo.files());
        String request = random.pick(CodeTexts.REQUESTS.get(task)).replace("{file}", file);
        if (task.equals("explain") || task.equals("fix_bug")) {
            tool("search_code", random.logNormal(300, 0.4, 50, 4000), null);
        }
        int reads = task.equals("complete") ? 0 : task.equals("fix_bug") ? 2 : random.between(1, 3);
        for (int i = 0; i < reads; i++) {
            readTokens += random.logNormal(1800, 0.6, 200, 12_000);
            tool("read_file", random.logNormal(40, 0.5, 5, 800), null);
        }
        if (task.equals("fix_bug")) {
            runTests(1.0); // reproduce the bug first: the tests fail
        }
        long output = random.logNormal(outputMedian(task), 0.5, 30, 6000);
        boolean reasoning = task.equals("fix_bug") && random.chance(0.4);
        long contextSize = reasoning ? o3Mini(output) : sonnet(output);
        String summary;
        String error = null;
        boolean testsFailed = false;
        if (task.equals("explain")) {
            summary = "Explained " + file + " (" + output * 3 / 4 + " words)";
        } else {
            String type = switch (task) {
                case "complete" -> "completion";
                case "write_tests" -> "test";
                case "fix_bug" -> "fix";
                default -> task;
            };
            long added = Math.max(1, output / 9);
            long removed = type.equals("completion") ? 0 : random.between(0, (int) added);
            WireItem gen = step("code_generation", "generate_" + type, random.between(5, 60));
            gen.put("output", String.format(Locale.ROOT, "+%d -%d in %s", added, removed, file));
            gen.object("attributes").put("language", session.repo.language()).put("generation_type", type)
                    .put("lines_added", added).put("lines_removed", removed).put("file", file);
            summary = String.format(Locale.ROOT, "Changed %s: +%d -%d lines", file, added, removed);
            if (!type.equals("completion")) {
                error = applyPatch(file);
                if (error == null) {
                    testsFailed = runTests(task.equals("fix_bug") ? 0.25 : 0.18);
                }
            }
        }
        Boolean accepted = task.equals("explain") ? null : verdict(task, error != null, testsFailed);
        if (accepted != null && random.chance(0.15)) {
            learn(accepted);
        }
        Instant end = clock.advance(random.between(5, 50));
        WireItem agent = WireItem.span(root, traceId, null, "agent", CodeAssistantStory.AGENT, start, end)
                .put("input", request).put("output", summary);
        WireItem trace = WireItem.trace(traceId, CodeAssistantStory.AGENT, task, start, end)
                .put("session_id", session.id).put("user_id", session.developer)
                .put("input", request).put("output", testsFailed ? summary + "; tests still failing" : summary)
                .put("status", "ok").put("context_size", contextSize).put("config_version", session.configVersion())
                .put("experiment_id", session.experimentId).put("variant_id", session.variantId)
                .strings("tags", List.of("lang:" + session.repo.language(), "repo:" + session.repo.name()));
        trace.object("metadata").put("repo", session.repo.name()).put("file", file).put("branch", session.branch);
        if (error != null) {
            agent.failed(error);
            trace.failed(error);
        }
        items.addFirst(agent);
        items.addFirst(trace);
        feedback(accepted, end);
        return new Outcome(items, end);
    }

    private static double outputMedian(String task) {
        return switch (task) {
            case "complete" -> 120;
            case "explain" -> 380;
            case "refactor" -> 800;
            case "write_tests" -> 1100;
            default -> 600;
        };
    }

    /** Claude 3.5 Sonnet: the repository context is written to the prompt cache, then read while warm. */
    private long sonnet(long output) {
        long context = session.repoContextTokens;
        long fresh = readTokens + random.logNormal(600, 0.4, 100, 4000);
        boolean warm = session.cacheUsedAt != null
                && Duration.between(session.cacheUsedAt, clock.now()).compareTo(CACHE_TTL) < 0;
        long cacheRead = warm ? context : 0;
        long cacheWrite = warm ? 0 : context;
        long input = context + fresh;
        WireItem call = step("llm", "generate", random.logNormal(700, 0.3, 200, 5000) + input / 60 + output * 14)
                .put("model", SONNET).put("provider", "anthropic").usage(input, output, cacheRead, cacheWrite, 0);
        call.object("attributes").put("cache_hit", warm).put("max_tokens", session.version == 1 ? 4096 : 8192)
                .put("temperature", session.version == 1 ? 0.3 : 0.2)
                .put("prompt.template_id", TEMPLATE).put("prompt.version", session.templateVersion());
        session.cacheUsedAt = clock.now();
        return input;
    }

    /** o3-mini thinks before it answers; its client reports the cost it was billed. */
    private long o3Mini(long answerTokens) {
        long input = readTokens + random.logNormal(3500, 0.3, 1000, 20_000) + (session.repoMap() ? REPO_MAP_TOKENS : 0);
        long reasoning = random.logNormal(2800, 0.5, 300, 20_000);
        long output = answerTokens + reasoning;
        // o3-mini list price per 1M tokens: input $1.10, output (reasoning included) $4.40
        BigDecimal cost = BigDecimal.valueOf(input * 110 + output * 440, 8).setScale(6, RoundingMode.HALF_UP);
        step("llm", "generate", random.logNormal(2500, 0.3, 800, 20_000) + output * 7)
                .put("model", O3_MINI).put("provider", "openai").usage(input, output, 0, 0, reasoning)
                .put("cost_usd", cost.toPlainString())
                .object("attributes").put("reasoning_effort", "medium")
                .put("prompt.template_id", TEMPLATE).put("prompt.version", session.templateVersion());
        return input;
    }

    private String applyPatch(String file) {
        WireItem span = tool("apply_patch", random.logNormal(80, 0.4, 10, 1500), null);
        if (random.chance(better(0.05))) {
            String error = "patch does not apply: hunk #2 failed at " + file + ":" + random.between(40, 400);
            span.failed(error);
            return error;
        }
        return null;
    }

    /** Runs the repository's tests; returns whether they failed. */
    private boolean runTests(double failureRate) {
        int total = random.between(24, 180);
        WireItem span = tool("run_tests", random.logNormal(22_000, 0.5, 3000, 120_000), session.repo.testCommand());
        span.object("attributes").put("tests", total);
        if (random.chance(failureRate == 1.0 ? 1.0 : better(failureRate))) {
            span.failed(String.format(Locale.ROOT, "%d of %d tests failed", random.between(1, 3), total));
            return true;
        }
        span.put("output", total + " tests passed");
        return false;
    }

    /** Whether the developer keeps the code: less often when tests fail, more as the assistant learns. */
    private boolean verdict(String task, boolean failed, boolean testsFailed) {
        double base = switch (task) {
            case "complete" -> 0.72;
            case "refactor" -> 0.6;
            case "write_tests" -> 0.74;
            default -> 0.62;
        };
        double map = session.repoMap() ? 0.03 : 0;
        return random.chance(failed ? 0 : testsFailed ? 0.2 : Math.min(0.95, base + map + session.day * 0.004));
    }

    /** The assistant records a coding-style pattern it applied or picked up from the developer. */
    private void learn(boolean accepted) {
        WireItem learning = step("learning", "learn_from_feedback", random.between(5, 40));
        learning.object("attributes").put("pattern", random.pick(CodeTexts.PATTERNS))
                .put("applied", random.chance(0.5)).put("outcome", accepted ? "accepted" : "rejected");
    }

    /** The developer's verdict (for generated code) and, sometimes, a rating. */
    private void feedback(Boolean accepted, Instant end) {
        Instant at = end.plusSeconds(random.between(3, 90));
        if (accepted != null) {
            items.add(WireItem.score(traceId + "-accepted", traceId, "accepted", "user", at)
                    .put("value", accepted ? 1 : 0).put("user_id", session.developer));
            if (random.chance(0.1)) {
                rate(accepted ? 4.2 : 2.0, at);
            }
        } else if (random.chance(0.2)) {
            rate(4.0, at);
        }
    }

    private void rate(double mean, Instant at) {
        int rating = (int) Math.round(random.normal(mean, 0.8, 1, 5));
        items.add(WireItem.score(traceId + "-rating", traceId, "user_rating", "user", at.plusSeconds(random.between(1, 30)))
                .put("value", rating).put("user_id", session.developer)
                .put("comment", random.pick(CodeTexts.RATING_COMMENTS.get(rating))));
    }

    private WireItem tool(String name, long millis, String input) {
        return step("tool", name, millis).put("tool_name", name).put("input", input);
    }

    private WireItem step(String kind, String name, long millis) {
        Instant at = clock.advance(random.between(3, 30));
        Instant end = clock.advance(millis);
        String id = String.format(Locale.ROOT, "%s-s%02d", traceId, ++spanCount);
        WireItem span = WireItem.span(id, traceId, root, kind, name, at, end);
        items.add(span);
        return span;
    }
}
