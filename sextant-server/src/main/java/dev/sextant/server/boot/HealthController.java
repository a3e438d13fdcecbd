package dev.sextant.server.boot;

import dev.sextant.store.SextantStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Unauthenticated health: 200 only when startup is complete and the database answers. */
@RestController
class HealthController {
    private final Readiness readiness;
    private final SextantStore store;

    HealthController(Readiness readiness, SextantStore store) {
        this.readiness = readiness;
        this.store = store;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!readiness.ready()) {
            body.put("status", "starting");
            body.put("phase", readiness.phase());
            return ResponseEntity.status(503).header("Retry-After", "1").body(body);
        }
        boolean database = store.healthy();
        body.put("status", database ? "ok" : "degraded");
        body.put("database", database ? "up" : "down");
        return ResponseEntity.status(database ? 200 : 503).body(body);
    }
}
