package dev.sextant.server.users;

import dev.sextant.server.boot.Readiness;
import dev.sextant.server.boot.SextantProperties;
import dev.sextant.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes expired login sessions every {@code sextant.sessions.purge-interval}: those past their
 * absolute expiry and those unused for longer than the idle timeout. A session is refused the
 * moment it expires whether or not it was purged (see {@link SessionAuthenticator}); purging only
 * keeps the table from growing with sessions nobody logged out of. Deletes run in batches of
 * {@code purge-batch-size} (each its own short transaction, so ingest's writes are never held up
 * long), repeated until a batch comes back short, at most {@value #MAX_BATCHES} per round.
 */
@Component
class LoginSessionPurger implements SmartLifecycle {
    static final int MAX_BATCHES = 1000;
    private static final Logger log = LoggerFactory.getLogger(LoginSessionPurger.class);

    private final UserStore users;
    private final Readiness readiness;
    private final Clock clock;
    private final Duration interval;
    private final Duration idle;
    private final int batch;
    private ScheduledExecutorService timer;

    LoginSessionPurger(UserStore users, Readiness readiness, Clock clock, SextantProperties properties) {
        this.users = users;
        this.readiness = readiness;
        this.clock = clock;
        this.interval = properties.sessions().purgeInterval();
        this.idle = properties.sessions().idleTimeout();
        this.batch = properties.sessions().purgeBatchSize();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sextant-login-session-purge").factory());
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** One round; never throws (a thrown exception would cancel the schedule). */
    void tick() {
        if (!readiness.ready()) {
            return;
        }
        try {
            Instant now = clock.instant();
            long deleted = 0;
            for (int i = 0; i < MAX_BATCHES && !Thread.currentThread().isInterrupted(); i++) {
                int n = users.purgeExpiredSessions(now, now.minus(idle), batch);
                deleted += n;
                if (n < batch) {
                    break;
                }
            }
            if (deleted > 0) {
                log.info("purged {} expired login session(s)", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("purging expired login sessions failed: {}", e.toString());
        }
    }
}
