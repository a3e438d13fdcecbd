package dev.sextant.server.predictions;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.predictions.PredictionModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code serve --demo}: trains the demo workspace's models once its story is loaded, on a daemon
 * thread, so the predictions page has models without waiting a retrain interval and the server
 * is ready meanwhile. Public for the boot package's demo loader; nothing else calls it.
 */
@Component
public final class DemoPredictions {
    private static final Logger log = LoggerFactory.getLogger(DemoPredictions.class);

    private final PredictionTraining training;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("sextant-demo-predictions").factory());

    DemoPredictions(PredictionTraining training) {
        this.training = training;
    }

    public void trainSoon(WorkspaceId workspace) {
        worker.submit(() -> {
            try {
                long offered = training.trainAll(workspace).stream().filter(PredictionModel::offered).count();
                log.info("demo predictions trained: {} of {} targets offered", offered,
                        dev.sextant.store.predictions.PredictionTarget.values().length);
            } catch (RuntimeException e) {
                log.warn("demo predictions failed: {}", e.toString());
            }
        });
    }
}
