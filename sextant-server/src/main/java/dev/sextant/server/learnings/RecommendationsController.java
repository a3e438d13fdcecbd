package dev.sextant.server.learnings;

import dev.sextant.analytics.learnings.LearningConfidence;
import dev.sextant.analytics.learnings.TaskRecommendations;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.SextantStore;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningStatus;
import dev.sextant.store.learnings.LearningsStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommendations from the evidence (issue 8 item 3): per task type the best tool and the best
 * model ({@link TaskRecommendations}: at least {@code min_traces} traces each, Holm-adjusted
 * Fisher test at {@value #ALPHA}), and the learnings whose confidence is high and rising
 * ({@link #widerUse}). Filters: every interaction filter (from, to, agent_id, ...) and
 * {@code task_type}.
 */
@RestController
class RecommendationsController {
    static final double ALPHA = 0.05;
    static final int DEFAULT_MIN_TRACES = 20;
    /** Learnings recommended for wider use: active, rising, confidence at least this, with enough outcomes. */
    static final double WIDER_USE_CONFIDENCE = 0.75;
    static final long WIDER_USE_MIN_OUTCOMES = 10;
    static final int MAX_LEARNINGS_SCANNED = 500;

    private final LearningsStore learnings;

    private final Clock clock;

    RecommendationsController(SextantStore store, Clock clock) {
        this.learnings = store.learnings();
        this.clock = clock;
    }

    @GetMapping("/api/v1/learnings/recommendations")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    RecommendationsView recommendations(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        Map<String, String[]> params = new HashMap<>(request.getParameterMap());
        Map<String, String[]> own = new HashMap<>();
        for (String name : List.of("task_type", "min_traces")) {
            if (params.containsKey(name)) {
                own.put(name, params.remove(name));
            }
        }
        QueryParams p = QueryParams.of(own, "task_type", "min_traces");
        String taskType = p.text("task_type");
        int minTraces = p.whole("min_traces", 1, 1_000_000, DEFAULT_MIN_TRACES);
        List<FieldProblem> problems = new ArrayList<>();
        try {
            p.done();
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        InteractionQuery filter = null;
        try {
            filter = InteractionFilters.query(params, Set.of("task_type", "min_traces"));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<TaskRecommendations.Task> tasks = TaskRecommendations.of(
                learnings.taskUsage(caller.workspace(), filter, taskType), minTraces, ALPHA);
        return new RecommendationsView(minTraces, ALPHA, "holm", tasks.stream().map(RecommendationsView.TaskView::of)
                .toList(), widerUse(caller, filter, window(filter)));
    }

    /** Active learnings (of the agent, when one is asked for) with a rising confidence of at least 0.75 over 10+ outcomes. */
    private List<RecommendationsView.LearningPick> widerUse(Caller caller, InteractionQuery filter,
            BaselineWindow window) {
        List<RecommendationsView.LearningPick> picks = new ArrayList<>();
        for (Learning l : learnings.list(caller.workspace(), filter.agentId(), LearningStatus.ACTIVE, 0,
                MAX_LEARNINGS_SCANNED)) {
            LearningConfidence c = LearningFigures.confidence(learnings, caller.workspace(), l,
                    LearningConfidence.Interval.WEEK);
            if (c.direction() == LearningConfidence.Direction.RISING && c.current().mean() >= WIDER_USE_CONFIDENCE
                    && c.successes() + c.failures() >= WIDER_USE_MIN_OUTCOMES) {
                // the baseline only for a pick: one query, in the filter's window
                picks.add(RecommendationsView.LearningPick.of(l, LearningFigures.of(learnings, caller.workspace(), l, c,
                        LearningConfidence.Interval.WEEK, window)));
            }
        }
        picks.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        return picks;
    }

    /** The filter's from/to where given, else the default baseline window's end or start. */
    private BaselineWindow window(InteractionQuery filter) {
        BaselineWindow fallback = filter.to() == null ? BaselineWindow.upTo(clock.instant())
                : new BaselineWindow(filter.to().minus(BaselineWindow.DEFAULT_RANGE), filter.to());
        return new BaselineWindow(filter.from() != null ? filter.from() : fallback.from(), fallback.to());
    }
}
