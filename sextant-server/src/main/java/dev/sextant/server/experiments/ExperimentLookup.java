package dev.sextant.server.experiments;

import dev.sextant.server.access.Caller;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentStore;

/**
 * Finding the caller's experiment, or the answer when it is missing (404, also for another
 * workspace's and for an id no experiment can have) or past the draft stage (409).
 */
final class ExperimentLookup {
    private final ExperimentStore experiments;

    ExperimentLookup(ExperimentStore experiments) {
        this.experiments = experiments;
    }

    Experiment find(Caller caller, String id) {
        if (!ExperimentBody.SLUG.matcher(id).matches()) {
            throw new NotFoundException("experiment", ExperimentBody.shorten(id.replace('\u0000', '?')));
        }
        return experiments.find(caller.workspace(), id).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    /** The experiment when it is a draft; 409 saying why not otherwise. */
    Experiment draft(Caller caller, String id, String action) {
        Experiment e = find(caller, id);
        if (e.status() != ExperimentStatus.DRAFT) {
            throw notADraft(id, e.status(), action);
        }
        return e;
    }

    /** A draft-only write matched nothing: it was deleted (404) or started meanwhile (409). */
    RuntimeException notADraftAnyMore(Caller caller, String id, String action) {
        Experiment e = find(caller, id);
        return notADraft(id, e.status(), action);
    }

    private static ConflictException notADraft(String id, ExperimentStatus status, String action) {
        return new ConflictException("experiment '" + id + "' is " + status.wire() + "; only a draft can be " + action
                + ", since units may already have been assigned to its variants (create a new experiment instead)");
    }
}
