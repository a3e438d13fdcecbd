package dev.sextant.server.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.boot.SextantProperties;
import dev.sextant.store.ActiveSession;
import dev.sextant.store.LoginSession;
import dev.sextant.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Starts, finds and ends login sessions. A session is live while it is younger than the absolute
 * timeout and was seen within the idle timeout; last_seen_at is written at most every minute (or
 * a quarter of the idle timeout, when that is shorter), so reads do not all turn into writes.
 * Nothing is cached: a logout, a removed membership or a changed role shows on the next request.
 */
@Component
public class SessionAuthenticator {
    private final UserStore users;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final Duration touchEvery;
    private final Cache<String, Boolean> touched;

    SessionAuthenticator(UserStore users, Clock clock, SextantProperties properties) {
        this.users = users;
        this.clock = clock;
        this.idle = properties.sessions().idleTimeout();
        this.absolute = properties.sessions().absoluteTimeout();
        Duration quarter = idle.dividedBy(4);
        this.touchEvery = quarter.compareTo(Duration.ofMinutes(1)) < 0 ? quarter : Duration.ofMinutes(1);
        this.touched = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(touchEvery).build();
    }

    record Started(SessionToken token, LoginSession session) {}

    Started start(WorkspaceId workspace, String userId) {
        SessionToken token = SessionToken.generate();
        LoginSession session = users.createSession(workspace, userId, token.hash(), clock.instant().plus(absolute));
        touched.put(session.id(), Boolean.TRUE);
        return new Started(token, session);
    }

    Optional<ActiveSession> authenticate(SessionToken token) {
        Optional<ActiveSession> found = users.findSession(token.hash());
        if (found.isEmpty()) {
            return found;
        }
        LoginSession session = found.get().session();
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(idle))) {
            users.deleteSession(session.workspace(), session.id());
            return Optional.empty();
        }
        if (touched.asMap().putIfAbsent(session.id(), Boolean.TRUE) == null) {
            users.touchSession(session.workspace(), session.id(), now);
        }
        return found;
    }

    /**
     * Whether the cookie's value is a live login session (for the dashboard's pages, which
     * send a browser without one to the login page). Same checks, same expiry, as an API request.
     */
    public boolean isLive(String cookieValue) {
        return SessionToken.parse(cookieValue).flatMap(this::authenticate).isPresent();
    }

    void end(ActiveSession active) {
        users.deleteSession(active.session().workspace(), active.session().id());
        touched.invalidate(active.session().id());
    }

    Duration absoluteTimeout() {
        return absolute;
    }
}
