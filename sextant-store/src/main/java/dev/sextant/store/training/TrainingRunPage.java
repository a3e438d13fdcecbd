package dev.sextant.store.training;

import java.util.List;

/** One page of runs; {@code nextCursor} is null on the last page. */
public record TrainingRunPage(List<TrainingRun> runs, String nextCursor) {
    public TrainingRunPage {
        runs = List.copyOf(runs);
    }
}
