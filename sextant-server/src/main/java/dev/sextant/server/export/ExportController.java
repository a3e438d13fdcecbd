package dev.sextant.server.export;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads traces, spans or scores as CSV or JSON Lines. The parameters are checked before
 * anything is written (a wrong one is a 400); the rows then stream from the database to the
 * client one fetch at a time, so memory stays flat however many rows there are; the database read
 * runs one bounded queue ahead of the writing ({@link ReadAhead}).
 * The rows are written on the request's own thread, straight to the servlet stream (not as an
 * async {@code StreamingResponseBody}): an export of millions of rows may take longer than any
 * async timeout, and the API-key security applies to the request as it is.
 * {@code Sextant-Data-As-Of} is the time the export's query ran: it covers what was ingested
 * before then.
 */
@RestController
@RequestMapping("/api/v1/export")
class ExportController {
    static final String DATA_AS_OF = "Sextant-Data-As-Of";

    private final SextantStore store;
    private final Clock clock;

    ExportController(SextantStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    void export(@AuthenticationPrincipal Caller caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ExportRequest export = ExportRequest.of(request.getParameterMap());
        if (export.format() == ExportFormat.PARQUET && store.parquetExports().isEmpty()) {
            throw new InvalidRequestException(List.of(FieldProblem.parameter("format", "format parquet is written by "
                    + "the embedded DuckDB store only; this server stores in PostgreSQL: use csv or jsonl")));
        }
        Instant asOf = clock.instant();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(HttpHeaders.CONTENT_TYPE, export.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(export.fileName(asOf)).build().toString());
        response.setHeader(DATA_AS_OF, asOf.toString());
        if (export.format() == ExportFormat.PARQUET) {
            store.parquetExports().orElseThrow().exportParquet(caller.workspace(), export.entity(), export.query(),
                    response.getOutputStream());
            return;
        }
        try (RowWriter writer = export.format().open(response.getOutputStream())) {
            ReadAhead.run(rows -> store.exports().export(caller.workspace(), export.entity(), export.query(), rows),
                    writer);
        }
    }
}
