package dev.sextant.server.datasets;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.Problem;
import dev.sextant.server.web.Problem.Kind;
import dev.sextant.store.ConflictException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.datasets.Dataset;
import dev.sextant.store.datasets.DatasetStatus;
import dev.sextant.store.datasets.DatasetStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Datasets (issue 7 item 4): create, upload the content (streamed into the analysis, never
 * stored), watch the progress, read the quality report, list, delete. Writes need
 * {@code ingest:write}, reads {@code analytics:view}.
 */
@RestController
@RequestMapping("/api/v1/datasets")
class DatasetController {
    private static final Pattern ID = Pattern.compile("ds_[a-z2-7]{16}");

    private final DatasetStore datasets;
    private final DatasetUpload upload;
    private final long maxBytes;

    private final AuditTrail audit;

    DatasetController(SextantStore store, DatasetUploadSettings settings, AuditTrail audit) {
        this.datasets = store.datasets();
        this.audit = audit;
        this.maxBytes = settings.maxUploadBytes();
        this.upload = new DatasetUpload(datasets, maxBytes, Clock.systemUTC());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scope.INGEST_WRITE)
    ResponseEntity<DatasetView> create(@AuthenticationPrincipal Caller caller, @RequestBody DatasetBody body) {
        DatasetBody.Valid valid = body.validated();
        Dataset created = datasets.create(caller.workspace(), valid.name(), valid.format() == null ? null : valid.format().wire());
        return ResponseEntity.status(HttpStatus.CREATED).body(DatasetView.of(created));
    }

    /** One shot: {@code POST /api/v1/datasets?name=...&format=...} with the file as the body creates and reads it. */
    @PostMapping
    @RequiresScope(Scope.INGEST_WRITE)
    ResponseEntity<DatasetView> createWithContent(@AuthenticationPrincipal Caller caller, HttpServletRequest request)
            throws IOException {
        DatasetMediaType type = DatasetMediaType.of(request.getContentType());
        DatasetBody.Valid valid = DatasetBody.parameters(request.getParameter("name"), request.getParameter("format"));
        type.check(valid.format());
        refuseDeclaredOversize(request);
        Dataset created = datasets.create(caller.workspace(), valid.name(), valid.format() == null ? null : valid.format().wire());
        datasets.startUpload(caller.workspace(), created.id());
        read(caller, created.id(), request, valid, type);
        return ResponseEntity.status(HttpStatus.CREATED).body(DatasetView.of(found(caller, created.id())));
    }

    @PutMapping("/{id}/content")
    @RequiresScope(Scope.INGEST_WRITE)
    DatasetView content(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request)
            throws IOException {
        Dataset d = found(caller, id);
        DatasetMediaType type = DatasetMediaType.of(request.getContentType());
        DatasetBody.Valid valid = new DatasetBody.Valid(d.name(),
                d.format() == null ? null : dev.sextant.analytics.datasets.DatasetFormat.fromWire(d.format()));
        type.check(valid.format());
        refuseDeclaredOversize(request);
        if (!datasets.startUpload(caller.workspace(), id)) {
            Dataset now = found(caller, id);
            throw new ConflictException("dataset '" + id + "' already has " + (now.status() == DatasetStatus.UPLOADING
                    ? "an upload running" : "content (status " + now.status().wire() + ")")
                    + "; create a new dataset to upload again");
        }
        read(caller, id, request, valid, type);
        return DatasetView.of(found(caller, id));
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Datasets list(@AuthenticationPrincipal Caller caller) {
        return new Datasets(datasets.list(caller.workspace()).stream().map(DatasetView::of).toList());
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    DatasetView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return DatasetView.of(found(caller, id));
    }

    /** The report exactly as stored: the same dataset gives the same bytes. */
    @GetMapping("/{id}/report")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ResponseEntity<String> report(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Dataset d = found(caller, id);
        return datasets.report(caller.workspace(), id)
                .map(json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json))
                .orElseThrow(() -> new ConflictException("dataset '" + id + "' is " + d.status().wire()
                        + (d.status() == DatasetStatus.FAILED ? " (" + d.error() + ")" : "")
                        + "; a report exists once its content has been uploaded and read"));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scope.INGEST_WRITE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!ID.matcher(id).matches() || !datasets.delete(caller.workspace(), id)) {
            throw notFound(id);
        }
        audit.record(caller, "dataset.delete", "dataset", id, AuditTrail.details());
        return ResponseEntity.noContent().build();
    }

    private void read(Caller caller, String id, HttpServletRequest request, DatasetBody.Valid valid, DatasetMediaType type)
            throws IOException {
        upload.read(caller.workspace(), id, request.getInputStream(), valid.format(), type);
    }

    private void refuseDeclaredOversize(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            throw UploadTooLargeException.declared(length, maxBytes);
        }
    }

    private Dataset found(Caller caller, String id) {
        if (!ID.matcher(id).matches()) {
            throw notFound(id);
        }
        return datasets.find(caller.workspace(), id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("dataset", DatasetBody.shorten(id.replace('\u0000', '?')));
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ResponseEntity<Object> tooLarge(UploadTooLargeException e, HttpServletRequest request) {
        Map<String, Object> more = e.datasetId() == null ? Map.of("limit_bytes", e.limitBytes())
                : Map.of("limit_bytes", e.limitBytes(), "dataset_id", e.datasetId());
        return Problem.of(Kind.PAYLOAD_TOO_LARGE, e.getMessage(), request.getRequestURI()).with(more).response(null);
    }

    @ExceptionHandler(UnsupportedDatasetTypeException.class)
    ResponseEntity<Object> unsupportedType(UnsupportedDatasetTypeException e, HttpServletRequest request) {
        return Problem.of(Kind.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), request.getRequestURI()).response(null);
    }

    @ExceptionHandler(BrokenUploadException.class)
    ResponseEntity<Object> broken(BrokenUploadException e, HttpServletRequest request) {
        return Problem.of(Kind.MALFORMED_BODY, e.getMessage(), request.getRequestURI()).response(null);
    }

    record Datasets(List<DatasetView> datasets) {}
}
