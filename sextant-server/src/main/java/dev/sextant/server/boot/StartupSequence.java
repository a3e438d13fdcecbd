package dev.sextant.server.boot;

import dev.sextant.model.Workspace;
import dev.sextant.store.SextantStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What happens once the port is open: migrate the schema, bootstrap, load the demo. Until it
 * is done /health and the API answer 503; if it fails, the start fails.
 */
@Component
class StartupSequence implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

    private final SextantStore store;
    private final Bootstrap bootstrap;
    private final DemoLoader demo;
    private final Readiness readiness;
    private final SextantProperties properties;
    private final ApplicationContext context;

    StartupSequence(SextantStore store, Bootstrap bootstrap, DemoLoader demo, Readiness readiness,
            SextantProperties properties, ApplicationContext context) {
        this.store = store;
        this.bootstrap = bootstrap;
        this.demo = demo;
        this.readiness = readiness;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String url = url();
        readiness.enter("migrating the database");
        store.migrate();
        readiness.enter("bootstrapping");
        Workspace workspace = bootstrap.run(url);
        if (properties.demo()) {
            readiness.enter("loading demo data");
            demo.load(workspace, url);
        }
        readiness.enter("ready");
        log.info("Sextant is ready at {} (database: {})", url, database());
    }

    private String url() {
        int port = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        return "http://localhost:" + port;
    }

    private String database() {
        SextantProperties.Db db = properties.db();
        return db.url() == null ? "DuckDB " + properties.duckDbFile().toAbsolutePath().normalize() : db.url();
    }
}
