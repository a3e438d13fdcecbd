package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.Assignment;
import dev.sextant.analytics.experiments.Assignment.Allocation;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentSpec.Variant;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's variant: computed from the hash of (experiment id, unit id) each time ({@link Assignment}),
 * never stored, so every server instance and every restart answers the same. A running
 * experiment assigns by the hash; a stopped or concluded one with a winner answers the winner for
 * every unit ({@code assigned_by: winner}); a draft, and a stopped one without a winner, assign
 * nobody (409).
 */
@RestController
class AssignmentController {
    static final int MAX_UNIT_ID = 256;

    private final ExperimentLookup lookup;

    AssignmentController(SextantStore store) {
        this.lookup = new ExperimentLookup(store.experiments());
    }

    @GetMapping("/api/v1/experiments/{id}/assignment")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    AssignmentView assign(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "unit_id");
        String unitId = p.text("unit_id");
        if (unitId == null && request.getParameter("unit_id") == null) {
            p.problem("unit_id", "unit_id is required: the id of the unit to assign (1 to " + MAX_UNIT_ID + " characters)");
        }
        p.done();
        Experiment e = lookup.find(caller, id);
        int bucket = Assignment.bucket(e.id(), unitId);
        String unit = e.spec().unit().wire();
        if (e.status() == ExperimentStatus.RUNNING) {
            Assignment assignment = new Assignment(e.spec().variants().stream()
                    .map(v -> new Allocation(v.id(), v.allocation())).toList());
            return AssignmentView.of(e, unitId, unit, variant(e, assignment.variant(e.id(), unitId)), bucket, "hash");
        }
        if (e.winner() != null && (e.status() == ExperimentStatus.STOPPED || e.status() == ExperimentStatus.CONCLUDED)) {
            return AssignmentView.of(e, unitId, unit, variant(e, e.winner()), bucket, "winner");
        }
        throw new ConflictException("experiment '" + id + "' is " + e.status().wire() + " and assigns no units"
                + (e.status() == ExperimentStatus.DRAFT ? "; start it first (POST /api/v1/experiments/" + id + "/start)"
                        : " (it has no winner); serve the control"));
    }

    private static Variant variant(Experiment e, String variantId) {
        return e.spec().variants().stream().filter(v -> v.id().equals(variantId)).findFirst()
                .orElseGet(() -> e.spec().control());
    }

    /** {@code assigned_by}: {@code hash} (running) or {@code winner} (stopped or concluded with a winner). */
    record AssignmentView(String experimentId, String unitId, String unit, String variantId, String configurationVersion,
            boolean control, int bucket, String status, String assignedBy) {
        static AssignmentView of(Experiment e, String unitId, String unit, Variant v, int bucket, String by) {
            return new AssignmentView(e.id(), unitId, unit, v.id(), v.configurationVersion(), v.control(), bucket,
                    e.status().wire(), by);
        }
    }
}
