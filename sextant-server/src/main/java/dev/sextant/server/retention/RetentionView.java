package dev.sextant.server.retention;

import dev.sextant.server.retention.RetentionPolicies.Policy;
import dev.sextant.store.RetentionCounts;
import dev.sextant.store.RetentionKind;
import dev.sextant.store.RetentionRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/retention}: the periods in force, the last run and when the next is due. */
record RetentionView(List<PolicyView> policies, RunView lastRun, Instant nextRunAt) {

    static RetentionView of(List<Policy> policies, RetentionRun last, Instant nextRunAt) {
        return new RetentionView(policies.stream().map(PolicyView::of).toList(), last == null ? null : RunView.of(last),
                nextRunAt);
    }

    /** {@code days} null: kept forever; {@code is_default}: the workspace has not chosen, the default applies. */
    record PolicyView(String kind, Integer days, Integer defaultDays, boolean isDefault, String description) {
        static PolicyView of(Policy p) {
            return new PolicyView(p.kind().wire(), p.days(), p.defaultDays(), p.isDefault(), RetentionView.description(p.kind()));
        }
    }

    /** A finished run; {@code error} is null unless it stopped early. */
    record RunView(Instant startedAt, Instant finishedAt, Map<String, Long> deleted, String error) {
        static RunView of(RetentionRun run) {
            RetentionCounts d = run.deleted();
            Map<String, Long> deleted = new LinkedHashMap<>();
            deleted.put("traces", d.traces());
            deleted.put("spans", d.spans());
            deleted.put("payloads", d.payloads());
            deleted.put("scores", d.scores());
            deleted.put("sessions", d.sessions());
            deleted.put("training_metrics", d.metrics());
            return new RunView(run.startedAt(), run.finishedAt(), deleted, run.error());
        }
    }

    static String description(RetentionKind kind) {
        return switch (kind) {
            case TRACES -> "Interactions (traces) with their spans and scores, removed once they started more than"
                    + " this many days ago; sessions that ended before then go too.";
            case PAYLOADS -> "Only the input and output texts of traces and spans, cleared once the trace started more"
                    + " than this many days ago; timings, tokens, cost and scores stay.";
            case SCORES -> "Feedback and evaluation scores, removed once created more than this many days ago (the"
                    + " scores of removed traces go with them anyway).";
            case TRAINING_METRICS -> "The metric points of training runs (loss, accuracy and the like), removed once"
                    + " logged more than this many days ago; the runs themselves, their parameters and results stay.";
        };
    }
}
