package dev.sextant.server.efficiency;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunPage;
import dev.sextant.store.training.TrainingRunQuery;
import dev.sextant.store.training.TrainingRunStore;
import java.util.ArrayList;
import java.util.List;

/** A workspace's runs (of one agent when given), newest first, page by page up to {@link #MAX_RUNS}. */
final class RunSelection {
    static final int MAX_RUNS = 5_000;

    private RunSelection() {}

    record Selected(List<TrainingRun> runs, boolean truncated) {}

    static Selected of(TrainingRunStore store, WorkspaceId workspace, String agentId) {
        List<TrainingRun> runs = new ArrayList<>();
        String cursor = null;
        do {
            TrainingRunPage page = store.list(workspace, new TrainingRunQuery(agentId, null, null,
                    TrainingRunQuery.MAX_LIMIT, cursor));
            for (TrainingRun r : page.runs()) {
                if (runs.size() == MAX_RUNS) {
                    return new Selected(runs, true);
                }
                runs.add(r);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new Selected(runs, false);
    }
}
