package dev.sextant.server.training;

import dev.sextant.server.access.Caller;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStore;

/** A run of the caller's workspace, or 404 (another workspace's run is reported as missing). */
record RunLookup(TrainingRunStore runs) {
    TrainingRun find(Caller caller, String id) {
        return runs.find(caller.workspace(), checked(id)).orElseThrow(() -> missing(id));
    }

    /**
     * The id when it could name a run; 404 when no run can have it (a created id always matches
     * {@link RunBody#ID}), before a NUL or a kilobyte of junk reaches the database.
     */
    static String checked(String id) {
        if (!RunBody.ID.matcher(id).matches()) {
            throw missing(id);
        }
        return id;
    }

    static NotFoundException missing(String id) {
        return new NotFoundException("training run", Fields.shorten(id));
    }
}
