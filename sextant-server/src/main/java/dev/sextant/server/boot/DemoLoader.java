package dev.sextant.server.boot;

import dev.sextant.ingest.IngestResult;
import dev.sextant.ingest.IngestService;
import dev.sextant.model.ApiKey;
import dev.sextant.model.Scope;
import dev.sextant.model.Workspace;
import dev.sextant.server.access.IssuedKey;
import dev.sextant.server.access.KeyIssuer;
import dev.sextant.server.demo.DemoData;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.InteractionReader;
import dev.sextant.store.PageRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code serve --demo}: loads the demo story into the default workspace once, through the real
 * ingest path, then its configurations and experiments at the story's times
 * ({@link DemoDefinitionsLoader}), and issues a fresh {@code demo} admin key on every demo start.
 */
@Component
class DemoLoader {
    static final long SEED = 42;
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final IngestService ingest;
    private final InteractionReader interactions;
    private final KeyIssuer keys;
    private final Announcer announcer;
    private final Clock clock;
    private final DemoDefinitionsLoader definitions;
    private final DemoDatasetsLoader datasets;
    private final dev.sextant.server.predictions.DemoPredictions predictions;

    DemoLoader(IngestService ingest, InteractionReader interactions, KeyIssuer keys, Announcer announcer, Clock clock,
            DemoDefinitionsLoader definitions, DemoDatasetsLoader datasets,
            dev.sextant.server.predictions.DemoPredictions predictions) {
        this.predictions = predictions;
        this.definitions = definitions;
        this.datasets = datasets;
        this.ingest = ingest;
        this.interactions = interactions;
        this.keys = keys;
        this.announcer = announcer;
        this.clock = clock;
    }

    void load(Workspace workspace, String url) {
        if (interactions.list(workspace.id(), InteractionQuery.ALL, PageRequest.first(1)).items().isEmpty()) {
            long accepted = 0;
            long rejected = 0;
            Instant now = clock.instant();
            for (String body : DemoData.batches(now, SEED)) {
                IngestResult result = ingest.ingest(workspace.id(),
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                accepted += result.accepted();
                rejected += result.rejected().size();
                result.rejected().stream().limit(3).forEach(r -> log.warn("demo item rejected: {}", r.error()));
            }
            log.info("demo data loaded: {} items accepted, {} rejected", accepted, rejected);
            definitions.load(workspace.id(), now);
            datasets.load(workspace.id(), SEED);
            predictions.trainSoon(workspace.id());
        } else {
            log.info("demo data already present in the default workspace; not loading it again");
        }
        for (ApiKey key : keys.list(workspace.id())) {
            if (key.name().equals("demo") && !key.revoked()) {
                keys.revoke(workspace.id(), key.id());
            }
        }
        IssuedKey demo = keys.issue(workspace.id(), "demo", EnumSet.allOf(Scope.class));
        announcer.demo(url, demo.secret());
    }
}
