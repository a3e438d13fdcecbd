package dev.sextant.server.training;

import dev.sextant.server.access.Caller;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStore;

/** A run of the caller's workspace, or 404 (another workspace's run is reported as missing). */
record RunLookup(TrainingRunStore runs) {
    TrainingRun find(Caller caller, String id) {
        return runs.find(caller.workspace(), id).orElseThrow(() -> missing(id));
    }

    static NotFoundException missing(String id) {
        return new NotFoundException("training run", Fields.shorten(id));
    }
}
