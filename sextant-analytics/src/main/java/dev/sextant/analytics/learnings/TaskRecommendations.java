package dev.sextant.analytics.learnings;

import dev.sextant.analytics.HolmCorrection;
import dev.sextant.analytics.ProportionDifference;
import dev.sextant.store.learnings.TaskUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The best tool and the best model per task type, by the success rate of the traces that used
 * them. Among the candidates used by at least {@code minTraces} traces, the best (highest rate,
 * then more traces, then name) is compared with the runner-up: difference with a 95% Newcombe
 * interval and Fisher's exact p-value. The p-values of every comparison in the answer are
 * adjusted together by Holm; a pick is {@code recommended} when its adjusted p-value is below
 * {@code alpha}, otherwise (also with fewer than two eligible candidates) there is
 * {@code no clear winner} and the numbers are shown all the same.
 */
public final class TaskRecommendations {
    private TaskRecommendations() {
    }

    public record Candidate(String name, long traces, long successes, double successRate, double low, double high) {
        static Candidate of(TaskUsage u) {
            double[] w = ProportionDifference.wilson(u.successes(), u.traces());
            return new Candidate(u.name(), u.traces(), u.successes(), u.successes() / (double) u.traces(), w[0], w[1]);
        }
    }

    /**
     * One pick: {@code best} and {@code runnerUp} (null when absent), the comparison (null without a
     * runner-up), {@code candidates} all, best first.
     */
    public record Pick(boolean recommended, Candidate best, Candidate runnerUp, Double difference, Double differenceLow,
            Double differenceHigh, Double pValue, Double adjustedPValue, List<Candidate> candidates) {}

    public record Task(String taskType, Pick tool, Pick model) {}

    /** Only the difference, its interval and p-value of {@link ProportionDifference} are used; it needs a margin. */
    private static final double MARGIN = 0.05;

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::successRate)
            .reversed().thenComparing(Comparator.comparingLong(Candidate::traces).reversed())
            .thenComparing(Candidate::name);

    /** One pick before the Holm adjustment; {@code best} is the best eligible, else the best of all. */
    private record Draft(List<Candidate> all, Candidate best, Candidate runnerUp, ProportionDifference comparison) {}

    public static List<Task> of(List<TaskUsage> usage, long minTraces, double alpha) {
        if (minTraces < 1 || !(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("minTraces must be 1 or more and alpha in (0, 0.5), was " + minTraces
                    + ", " + alpha);
        }
        Map<String, Map<TaskUsage.Kind, List<Candidate>>> byTask = new LinkedHashMap<>();
        for (TaskUsage u : usage) {
            byTask.computeIfAbsent(u.taskType(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(u.kind(), k -> new ArrayList<>()).add(Candidate.of(u));
        }
        Map<String, Map<TaskUsage.Kind, Draft>> drafts = new LinkedHashMap<>();
        List<Draft> compared = new ArrayList<>();
        byTask.forEach((task, kinds) -> {
            Map<TaskUsage.Kind, Draft> picks = new LinkedHashMap<>();
            for (TaskUsage.Kind kind : TaskUsage.Kind.values()) {
                List<Candidate> all = new ArrayList<>(kinds.getOrDefault(kind, List.of()));
                all.sort(BEST_FIRST);
                List<Candidate> eligible = all.stream().filter(c -> c.traces() >= minTraces).toList();
                Candidate best = eligible.isEmpty() ? (all.isEmpty() ? null : all.getFirst()) : eligible.getFirst();
                Candidate runnerUp = eligible.size() < 2 ? null : eligible.get(1);
                ProportionDifference d = runnerUp == null ? null : ProportionDifference.of(best.successes(),
                        best.traces(), runnerUp.successes(), runnerUp.traces(), MARGIN, true, alpha);
                Draft draft = new Draft(List.copyOf(all), best, runnerUp, d);
                if (d != null) {
                    compared.add(draft);
                }
                picks.put(kind, draft);
            }
            drafts.put(task, picks);
        });
        double[] adjusted = HolmCorrection.adjust(compared.stream().mapToDouble(d -> d.comparison().pValue()).toArray());
        Map<Draft, Double> adjustedOf = new IdentityHashMap<>();
        for (int i = 0; i < adjusted.length; i++) {
            adjustedOf.put(compared.get(i), adjusted[i]);
        }
        List<Task> tasks = new ArrayList<>();
        drafts.forEach((task, picks) -> tasks.add(new Task(task, pick(picks.get(TaskUsage.Kind.TOOL), adjustedOf, alpha),
                pick(picks.get(TaskUsage.Kind.MODEL), adjustedOf, alpha))));
        return tasks;
    }

    private static Pick pick(Draft draft, Map<Draft, Double> adjustedOf, double alpha) {
        ProportionDifference d = draft.comparison();
        Double adjusted = adjustedOf.get(draft);
        boolean recommended = d != null && adjusted < alpha && d.difference() > 0;
        return new Pick(recommended, draft.best(), draft.runnerUp(), d == null ? null : d.difference(),
                d == null ? null : d.ciLow(), d == null ? null : d.ciHigh(), d == null ? null : d.pValue(), adjusted,
                draft.all());
    }
}
