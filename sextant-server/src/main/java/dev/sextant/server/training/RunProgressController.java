package dev.sextant.server.training;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.live.LiveEvents;
import dev.sextant.server.live.LiveSettings;
import dev.sextant.server.web.Problem;
import dev.sextant.server.web.ProblemWriter;
import dev.sextant.store.SextantStore;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/training/runs/{id}/progress}: a JSON snapshot, or with
 * {@code Accept: text/event-stream} a stream of {@code progress} events, one on connect and one
 * after each batch of metrics logged to the run (at most one per {@code sextant.live.min-gap}),
 * ending with a {@code finished} event once the run is finished. It rides on {@link LiveEvents}
 * (the workspace's change signal and its connection limit) and is written on the request's own
 * virtual thread, like {@code /api/v1/events}.
 */
@RestController
class RunProgressController {
    private final TrainingRunStore runs;
    private final RunLookup lookup;
    private final RunAnalysis analysis;
    private final LiveEvents events;
    private final LiveSettings settings;
    private final ProblemWriter problems;
    private final JsonMapper json;
    private final Clock clock;

    RunProgressController(SextantStore store, LiveEvents events, LiveSettings settings, ProblemWriter problems,
            JsonMapper json, Clock clock) {
        this.runs = store.trainingRuns();
        this.lookup = new RunLookup(runs);
        this.analysis = new RunAnalysis(runs);
        this.events = events;
        this.settings = settings;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
    }

    /** One path, chosen by the Accept header: a stream only for a client that asks for text/event-stream. */
    @GetMapping("/api/v1/training/runs/{id}/progress")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    void progress(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        TrainingRun run = lookup.find(caller, id);
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            byte[] body = json.writeValueAsBytes(analysis.progress(caller.workspace(), run));
            response.setStatus(200);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        stream(caller, run, request, response);
    }

    private void stream(Caller caller, TrainingRun first, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        TrainingRun run = first;
        String id = run.id();
        Optional<LiveEvents.Subscription> subscribed = events.subscribe(caller.workspace());
        if (subscribed.isEmpty()) {
            problems.write(response, Problem.of(Problem.Kind.UNAVAILABLE, "the server holds its maximum of "
                    + settings.maxConnections() + " live connections (sextant.live.max-connections); retry later",
                    request.getRequestURI()), Map.of("Retry-After", "30"));
            return;
        }
        try (LiveEvents.Subscription subscription = subscribed.get()) {
            response.setStatus(200);
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no");
            OutputStream out = response.getOutputStream();
            Instant deadline = clock.instant().plus(settings.maxDuration());
            send(out, "retry: 3000\n");
            long seen = -1;
            while (true) {
                if (run.pointCount() != seen || run.status().finished()) {
                    seen = run.pointCount();
                    send(out, "event: progress\ndata: " + json.writeValueAsString(analysis.progress(caller.workspace(), run))
                            + "\n\n");
                }
                if (run.status().finished()) {
                    send(out, "event: finished\ndata: " + json.writeValueAsString(RunView.of(run)) + "\n\n");
                    return;
                }
                if (subscription.isClosed() || !clock.instant().isBefore(deadline)) {
                    return;
                }
                if (subscription.awaitChange(settings.heartbeat())) {
                    Thread.sleep(settings.minGap().toMillis());
                } else {
                    send(out, ": keep-alive\n\n");
                }
                Optional<TrainingRun> now = runs.find(caller.workspace(), id);
                if (now.isEmpty()) {
                    return;
                }
                run = now.get();
            }
        } catch (IOException e) {
            // the client went away: nothing to tell anyone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
