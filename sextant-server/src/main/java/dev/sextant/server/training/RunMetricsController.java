package dev.sextant.server.training;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.PayloadTooLargeException;
import dev.sextant.server.web.Problem;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SextantStore;
import dev.sextant.store.training.AppendResult;
import dev.sextant.store.training.DownsampleQuery;
import dev.sextant.store.training.MetricPage;
import dev.sextant.store.training.MetricQuery;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.MetricSeries;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/training/runs/{id}/metrics}: log points in batches (each bad point reported by
 * its JSON Pointer, the rest stored), read them downsampled for charts or exact, paged.
 */
@RestController
class RunMetricsController {
    static final int DEFAULT_BUCKETS = 1000;
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    static final int MAX_NAMES = 50;

    private final TrainingRunStore runs;
    private final RunLookup lookup;
    private final DataVersions versions;
    private final Clock clock = Clock.systemUTC();

    RunMetricsController(SextantStore store, DataVersions versions) {
        this.runs = store.trainingRuns();
        this.lookup = new RunLookup(runs);
        this.versions = versions;
    }

    @PostMapping("/api/v1/training/runs/{id}/metrics")
    @RequiresScope(Scope.INGEST_WRITE)
    ResponseEntity<?> log(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request)
            throws IOException {
        if (request.getContentLengthLong() > MetricBatch.MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(request.getContentLengthLong(), MetricBatch.MAX_BODY_BYTES);
        }
        TrainingRun run = lookup.find(caller, id);
        if (run.status().finished()) {
            throw new dev.sextant.store.training.RunFinishedException(id, run.status(),
                    "metrics are logged only to a running run");
        }
        MetricBatch batch;
        try {
            batch = MetricBatch.read(request.getInputStream(), clock.instant());
        } catch (MetricBatch.TooManyPoints e) {
            return Problem.of(Problem.Kind.PAYLOAD_TOO_LARGE, e.getMessage(), request.getRequestURI())
                    .with(Map.of("limit_points", MetricBatch.MAX_POINTS)).response(null);
        }
        AppendResult result = runs.append(caller.workspace(), id, batch.samples())
                .orElseThrow(() -> RunLookup.missing(id));
        if (result.appended() > 0) {
            versions.changed(caller.workspace());
        }
        Logged logged = new Logged(result.appended(), batch.rejected(), result.outOfOrder(), result.lastStep() < 0
                ? null : result.lastStep());
        return ResponseEntity.status(batch.rejected().isEmpty() ? 200 : 207).body(logged);
    }

    @GetMapping("/api/v1/training/runs/{id}/metrics")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Object read(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "name", "downsample", "exact", "from_step",
                "to_step", "limit", "cursor").withMaxLength(Fields.MAX_PARAMETER);
        List<String> names = p.all("name", MAX_NAMES);
        boolean exact = p.flag("exact");
        Long buckets = p.wholeLong("downsample", 1, DownsampleQuery.MAX_BUCKETS);
        Long from = p.wholeLong("from_step", 0, Long.MAX_VALUE);
        Long to = p.wholeLong("to_step", 0, Long.MAX_VALUE);
        Long limit = p.wholeLong("limit", 1, MAX_LIMIT);
        String cursor = p.text("cursor");
        if (exact && p.has("downsample")) {
            p.problem("downsample", "downsample and exact=true exclude each other");
        }
        if (!exact && (p.has("limit") || p.has("cursor"))) {
            p.problem(p.has("limit") ? "limit" : "cursor", "limit and cursor page exact points; add exact=true");
        }
        if (from != null && to != null && from > to) {
            p.problem("from_step", "from_step (" + from + ") must not be after to_step (" + to + ")");
        }
        p.done();
        lookup.find(caller, id);
        if (exact) {
            MetricPage page;
            try {
                page = runs.points(caller.workspace(), id, new MetricQuery(names, from, to,
                        limit == null ? DEFAULT_LIMIT : limit.intValue(), cursor));
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of(FieldProblem.parameter("cursor", e.getMessage()));
            }
            return new ExactPoints(id, page.points().stream().map(PointView::of).toList(), page.nextCursor());
        }
        int n = buckets == null ? DEFAULT_BUCKETS : buckets.intValue();
        List<MetricSeries> series = runs.downsampled(caller.workspace(), id, new DownsampleQuery(names, from, to, n));
        return new Downsampled(id, n, series.stream().map(s -> new SeriesView(s.name(), s.buckets().stream()
                .map(b -> new BucketView(b.firstStep(), b.lastStep(), b.count(), b.nonFinite(), b.min(), b.max(),
                        b.mean(), b.last(), b.lastTimestamp())).toList())).toList());
    }

    record Logged(int accepted, List<MetricBatch.Rejected> rejected, int outOfOrder, Long lastStep) {}

    record PointView(long step, Double epoch, String name, double value, Instant timestamp) {
        static PointView of(MetricSample s) {
            return new PointView(s.step(), s.epoch(), s.name(), s.value(), s.timestamp());
        }
    }

    record ExactPoints(String runId, List<PointView> points, String nextCursor) {}

    record BucketView(long firstStep, long lastStep, long count, long nonFinite, Double min, Double max, Double mean,
            double last, Instant lastTimestamp) {}

    record SeriesView(String name, List<BucketView> buckets) {}

    record Downsampled(String runId, int downsample, List<SeriesView> series) {}
}
