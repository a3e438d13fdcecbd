package dev.sextant.server.live;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.server.web.Problem;
import dev.sextant.server.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/events}: server-sent events telling a dashboard (or a script) that the
 * caller's workspace has new data, so it can fetch what it shows again. One {@code hello} event on
 * connect, then a {@code data} event ({"version": n, "at": time}) after each change — at most one
 * per {@code sextant.live.min-gap}, bursts coalesced — and a comment line as heartbeat. Written on
 * the request's own (virtual) thread: no async dispatch, nothing buffered; the connection ends after
 * {@code sextant.live.max-duration} and the browser's EventSource reconnects by itself.
 */
@RestController
@EnableConfigurationProperties(LiveSettings.class)
class LiveController {
    private final LiveEvents events;
    private final DataVersions versions;
    private final LiveSettings settings;
    private final ProblemWriter problems;
    private final Clock clock;

    LiveController(LiveEvents events, DataVersions versions, LiveSettings settings, ProblemWriter problems, Clock clock) {
        this.events = events;
        this.versions = versions;
        this.settings = settings;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/api/v1/events")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    void stream(@AuthenticationPrincipal Caller caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<LiveEvents.Subscription> subscribed = events.subscribe(caller.workspace());
        if (subscribed.isEmpty()) {
            problems.write(response, Problem.of(Problem.Kind.UNAVAILABLE, "the server holds its maximum of "
                    + settings.maxConnections() + " live connections (sextant.live.max-connections); retry later",
                    request.getRequestURI()), Map.of("Retry-After", "30"));
            return;
        }
        try (LiveEvents.Subscription subscription = subscribed.get()) {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no");
            OutputStream out = response.getOutputStream();
            Instant deadline = clock.instant().plus(settings.maxDuration());
            send(out, "retry: 3000\nevent: hello\ndata: " + payload(caller) + "\n\n");
            while (!subscription.isClosed() && clock.instant().isBefore(deadline)) {
                if (subscription.awaitChange(settings.heartbeat())) {
                    if (subscription.isClosed()) {
                        break;
                    }
                    send(out, "event: data\ndata: " + payload(caller) + "\n\n");
                    Thread.sleep(settings.minGap().toMillis());
                } else {
                    send(out, ": keep-alive\n\n");
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to tell anyone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String payload(Caller caller) {
        return "{\"version\":" + versions.current(caller.workspace()) + ",\"at\":\"" + clock.instant() + "\"}";
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
