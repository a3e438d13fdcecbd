package dev.sextant.server.boot;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** Where startup is: the API and /health answer 503 until it is {@code ready}. */
@Component
public class Readiness {
    private final AtomicReference<String> phase = new AtomicReference<>("starting");

    public boolean ready() {
        return "ready".equals(phase.get());
    }

    public String phase() {
        return phase.get();
    }

    void enter(String next) {
        phase.set(next);
    }
}
