package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CodeGenerationStats;
import dev.sextant.store.CodeGenerationStats.Distribution;
import dev.sextant.store.CodeGenerationStats.Figures;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.WorkspaceBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Code generation figures against what this test computes itself: seeded random generations
 * with the attribute spellings of the demo ({@code generation_type}, {@code lines_added}) and of
 * the CLI ({@code type}, {@code lines}), judged by trace-level and span-level {@code accepted}
 * and {@code modified} scores, several scores on one generation, undecided values and none at all.
 */
public abstract class CodeGenerationContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-03T08:00:00Z");

    /** A generation and the verdict this test expects for it (null value: not judged). */
    private record Gen(String traceId, String type, String language, Double lines, Double chars, Long tokens,
            Instant end, Double verdict, String label, Instant judgedAt) {
        boolean accepted() {
            return Objects.equals(verdict, 1.0);
        }

        boolean rejected() {
            return Objects.equals(verdict, 0.0);
        }

        Double ms() {
            return judgedAt == null || judgedAt.isBefore(end) ? null : (double) (judgedAt.toEpochMilli() - end.toEpochMilli());
        }
    }

    private final List<Gen> generated = new ArrayList<>();

    private WorkspaceId seeded(long seed) {
        WorkspaceId ws = newWorkspace();
        generated.clear();
        Random r = new Random(seed);
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String traceId = "tr-" + i;
            Instant start = T0.plusSeconds(i * 600L);
            traces.add(new Trace(traceId, i % 2 == 0 ? "coder" : "helper", null, null, null, null, null, null,
                    Status.OK, null, start, start.plusSeconds(300), null, null, null, null, null, null, null, null,
                    null, null));
            int count = r.nextInt(4) == 0 ? 2 : 1;
            List<String> ids = new ArrayList<>();
            List<Instant> ends = new ArrayList<>();
            List<String[]> described = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                String id = traceId + "-g" + k;
                Instant end = start.plusSeconds(10 + k * 20L + r.nextInt(10));
                String type = r.nextInt(6) == 0 ? null : List.of("completion", "test", "fix").get(r.nextInt(3));
                boolean cliSpelling = r.nextBoolean();
                String language = r.nextInt(5) == 0 ? null : List.of("java", "python").get(r.nextInt(2));
                Integer lines = r.nextInt(6) == 0 ? null : 1 + r.nextInt(200);
                boolean linesAsText = lines != null && r.nextInt(8) == 0; // "12" is not a number
                Integer chars = r.nextBoolean() ? 20 + r.nextInt(5000) : null;
                Usage usage = r.nextInt(3) == 0 ? null : Usage.of(100, 1 + r.nextInt(900));
                StringBuilder a = new StringBuilder("{\"file\": \"F.java\"");
                if (type != null) {
                    a.append(", \"").append(cliSpelling ? "type" : "generation_type").append("\": \"").append(type).append('"');
                }
                if (language != null) {
                    a.append(", \"language\": \"").append(language).append('"');
                }
                if (lines != null) {
                    String v = linesAsText ? "\"" + lines + "\"" : String.valueOf(lines);
                    a.append(", \"").append(cliSpelling ? "lines" : "lines_added").append("\": ").append(v);
                }
                if (chars != null) {
                    a.append(", \"characters\": ").append(chars);
                }
                a.append('}');
                spans.add(new Span(id, traceId, null, SpanKind.CODE_GENERATION, "generate", Status.OK, null,
                        end.minusSeconds(5), end, null, null, usage, null, null, null, null, null, null, a.toString(),
                        null, null));
                ids.add(id);
                ends.add(end);
                described.add(new String[] {type, language, lines == null || linesAsText ? null : String.valueOf(lines),
                        chars == null ? null : String.valueOf(chars),
                        usage == null ? null : String.valueOf(usage.outputTokens())});
            }
            // how the generations of this trace are judged
            int scheme = r.nextInt(6);
            Double[] verdict = new Double[count];
            String[] label = new String[count];
            Instant[] at = new Instant[count];
            Instant late = start.plusSeconds(60 + r.nextInt(200));
            double v = r.nextBoolean() ? 1.0 : 0.0;
            // how an accepted one was kept: changed, as it was, or not said (a "modified" score of 1, 0 or none)
            String modified = v == 1.0 ? new String[] {"modified", "unmodified", null}[r.nextInt(3)] : null;
            switch (scheme) {
                case 0 -> { // one verdict and one "modified" on the trace judge every generation in it
                    scores.add(score("a-" + i, traceId, null, v, late));
                    modifiedScore(scores, "m-" + i, traceId, null, modified, late);
                    for (int k = 0; k < count; k++) {
                        verdict[k] = v;
                        label[k] = modified;
                        at[k] = late;
                    }
                }
                case 1 -> { // a verdict and (maybe) a "modified" on each span; on a rejected one it does not count
                    for (int k = 0; k < count; k++) {
                        double vk = r.nextBoolean() ? 1.0 : 0.0;
                        String lk = new String[] {"modified", "unmodified", null}[r.nextInt(3)];
                        Instant atk = late.plusSeconds(k);
                        scores.add(score("a-" + i + "-" + k, traceId, ids.get(k), vk, atk));
                        modifiedScore(scores, "m-" + i + "-" + k, traceId, ids.get(k), lk, atk);
                        verdict[k] = vk;
                        label[k] = vk == 1.0 ? lk : null;
                        at[k] = atk;
                    }
                }
                case 2 -> { // changed its mind: the newer trace scores win
                    scores.add(score("a-" + i + "-old", traceId, null, 1 - v, late.minusSeconds(30)));
                    scores.add(score("a-" + i + "-new", traceId, null, v, late));
                    if (modified != null) {
                        modifiedScore(scores, "m-" + i + "-old", traceId, null,
                                modified.equals("modified") ? "unmodified" : "modified", late.minusSeconds(30));
                    }
                    modifiedScore(scores, "m-" + i + "-new", traceId, null, modified, late);
                    for (int k = 0; k < count; k++) {
                        verdict[k] = v;
                        label[k] = modified;
                        at[k] = late;
                    }
                }
                case 3 -> { // the first span's own verdict wins over the (newer) trace verdict for it
                    scores.add(score("a-" + i + "-span", traceId, ids.getFirst(), 1 - v, late.minusSeconds(5)));
                    scores.add(score("a-" + i + "-trace", traceId, null, v, late));
                    modifiedScore(scores, "m-" + i, traceId, null, modified, late);
                    for (int k = 0; k < count; k++) {
                        verdict[k] = k == 0 ? 1 - v : v;
                        label[k] = verdict[k] == 1.0 ? modified : null;
                        at[k] = k == 0 ? late.minusSeconds(5) : late;
                    }
                }
                case 4 -> { // undecided (0.5) and a judgement before the code existed: no time counted
                    scores.add(score("a-" + i, traceId, null, r.nextBoolean() ? 0.5 : v,
                            ends.getFirst().minusSeconds(3)));
                    Score s = scores.getLast();
                    for (int k = 0; k < count; k++) {
                        verdict[k] = s.value() == 0.5 ? null : s.value();
                        at[k] = s.value() == 0.5 ? null : s.createdAt();
                    }
                }
                default -> { // never judged
                }
            }
            for (int k = 0; k < count; k++) {
                String[] d = described.get(k);
                generated.add(new Gen(traceId, d[0], d[1], d[2] == null ? null : Double.valueOf(d[2]),
                        d[3] == null ? null : Double.valueOf(d[3]), d[4] == null ? null : Long.valueOf(d[4]),
                        ends.get(k), verdict[k], label[k], at[k]));
            }
        }
        // other spans and scores that must not count: a tool span, a user_rating, an accepted score on another span
        spans.add(new Span("tool-1", "tr-0", null, SpanKind.TOOL, "run_tests", Status.OK, null, T0, T0.plusSeconds(1),
                null, null, null, null, null, "run_tests", null, null, null, "{\"lines\": 5}", null, null));
        scores.add(score("a-tool", "tr-0", "tool-1", 1.0, T0.plusSeconds(2)));
        scores.add(new Score("rating", "tr-1", null, "user_rating", 5.0, null, null, "user", null, T0));
        write(new WorkspaceBatch(ws, traces, spans, scores, List.of()));
        return ws;
    }

    private static Score score(String id, String traceId, String spanId, double value, Instant at) {
        return new Score(id, traceId, spanId, "accepted", value, null, null, "user", null, at);
    }

    /** A "modified" score: 1 for "modified", 0 for "unmodified", none for null. */
    private static void modifiedScore(List<Score> scores, String id, String traceId, String spanId, String label,
            Instant at) {
        if (label != null) {
            scores.add(new Score(id, traceId, spanId, "modified", label.equals("modified") ? 1.0 : 0.0, null, null,
                    "user", null, at));
        }
    }

    /** percentile_cont: linear interpolation at fraction * (n - 1) of the sorted values. */
    private static Double percentile(List<Double> values, double fraction) {
        if (values.isEmpty()) {
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = fraction * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    private static void assertDistribution(String what, Distribution actual, List<Double> values) {
        assertThat(actual.count()).as(what + " count").isEqualTo(values.size());
        if (values.isEmpty()) {
            assertThat(actual.mean()).as(what).isNull();
            assertThat(actual.p50()).as(what).isNull();
            assertThat(actual.p95()).as(what).isNull();
            return;
        }
        assertThat(actual.mean()).as(what + " mean")
                .isCloseTo(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
        assertThat(actual.p50()).as(what + " p50").isCloseTo(percentile(values, 0.5), within(1e-9));
        assertThat(actual.p95()).as(what + " p95").isCloseTo(percentile(values, 0.95), within(1e-9));
    }

    private void assertFigures(Figures actual, String key, Predicate<Gen> only) {
        List<Gen> gens = generated.stream().filter(only).toList();
        String what = key == null ? "(none)" : key;
        assertThat(actual.key()).isEqualTo(key);
        assertThat(actual.generations()).as(what).isEqualTo(gens.size());
        assertThat(actual.accepted()).as(what).isEqualTo(gens.stream().filter(Gen::accepted).count());
        assertThat(actual.rejected()).as(what).isEqualTo(gens.stream().filter(Gen::rejected).count());
        assertThat(actual.modified()).as(what)
                .isEqualTo(gens.stream().filter(g -> g.accepted() && "modified".equals(g.label())).count());
        assertThat(actual.unmodified()).as(what)
                .isEqualTo(gens.stream().filter(g -> g.accepted() && "unmodified".equals(g.label())).count());
        assertDistribution(what + " to accept", actual.msToAccept(),
                gens.stream().filter(Gen::accepted).map(Gen::ms).filter(Objects::nonNull).toList());
        assertDistribution(what + " to reject", actual.msToReject(),
                gens.stream().filter(Gen::rejected).map(Gen::ms).filter(Objects::nonNull).toList());
        assertDistribution(what + " lines", actual.lines(), gens.stream().map(Gen::lines).filter(Objects::nonNull).toList());
        assertDistribution(what + " characters", actual.characters(),
                gens.stream().map(Gen::chars).filter(Objects::nonNull).toList());
        assertDistribution(what + " tokens", actual.tokens(),
                gens.stream().map(Gen::tokens).filter(Objects::nonNull).map(Long::doubleValue).toList());
    }

    private List<String> keysByCount(Function<Gen, String> key) {
        Map<String, Long> counts = generated.stream().collect(
                Collectors.groupingBy(g -> Objects.requireNonNullElse(key.apply(g), "\u0000"), Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                        .thenComparing(e -> e.getKey().equals("\u0000") ? "\uffff" : e.getKey()))
                .map(e -> e.getKey().equals("\u0000") ? null : e.getKey()).toList();
    }

    @Test
    public void everyFigureMatchesTheGeneratedData() {
        WorkspaceId ws = seeded(3);
        CodeGenerationStats stats = store().codeGeneration().codeGeneration(ws, InteractionQuery.ALL);

        assertFigures(stats.overall(), null, g -> true);
        assertThat(stats.overall().modified()).isPositive();
        assertThat(stats.overall().unmodified()).isPositive();
        assertThat(stats.overall().modificationRate()).isCloseTo(stats.overall().modified()
                / (double) (stats.overall().modified() + stats.overall().unmodified()), within(1e-12));
        assertThat(stats.overall().msToAccept().count()).isPositive();
        assertThat(stats.byType()).extracting(Figures::key).containsExactlyElementsOf(keysByCount(Gen::type));
        for (Figures f : stats.byType()) {
            assertFigures(f, f.key(), g -> Objects.equals(g.type(), f.key()));
        }
        assertThat(stats.byLanguage()).extracting(Figures::key).containsExactlyElementsOf(keysByCount(Gen::language));
        for (Figures f : stats.byLanguage()) {
            assertFigures(f, f.key(), g -> Objects.equals(g.language(), f.key()));
        }
        Figures all = stats.overall();
        long judged = generated.stream().filter(g -> g.accepted() || g.rejected()).count();
        assertThat(all.acceptanceRate()).isCloseTo(generated.stream().filter(Gen::accepted).count() / (double) judged,
                within(1e-12));
        assertThat(stats.dataAsOf()).isEqualTo(T0.plusSeconds(59 * 600L));
    }

    @Test
    public void theListFiltersSelectTheInteractions() {
        WorkspaceId ws = seeded(5);
        CodeGenerationStats stats = store().codeGeneration().codeGeneration(ws,
                InteractionQuery.builder().agentId("coder").build());
        assertFigures(stats.overall(), null, g -> Integer.parseInt(g.traceId().substring(3)) % 2 == 0);
    }

    @Test
    public void withoutGenerationsEveryFigureIsEmptyNotInvented() {
        WorkspaceId ws = seeded(7);
        CodeGenerationStats none = store().codeGeneration().codeGeneration(newWorkspace(), InteractionQuery.ALL);
        assertThat(none.overall().generations()).isZero();
        assertThat(none.overall().acceptanceRate()).isNull();
        assertThat(none.overall().modificationRate()).isNull();
        assertThat(none.overall().lines()).isEqualTo(new Distribution(0, null, null, null));
        assertThat(none.byType()).isEmpty();
        assertThat(none.byLanguage()).isEmpty();
        assertThat(none.dataAsOf()).isNull();
        // and another tenant's generations stay its own
        int mine = generated.size();
        seeded(11);
        assertThat(store().codeGeneration().codeGeneration(ws, InteractionQuery.ALL).overall().generations())
                .isEqualTo(mine);
    }
}
