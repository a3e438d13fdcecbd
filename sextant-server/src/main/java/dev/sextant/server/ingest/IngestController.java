package dev.sextant.server.ingest;

import dev.sextant.ingest.IngestResult;
import dev.sextant.ingest.IngestService;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.boot.SextantProperties;
import dev.sextant.server.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The native batch ingest. The body streams straight into {@link IngestService}, which counts
 * its bytes; a Content-Length over the limit is refused before a byte is read. The answer
 * comes only after the accepted items are committed.
 */
@RestController
class IngestController {
    private final IngestService ingest;
    private final long maxBodyBytes;

    IngestController(IngestService ingest, SextantProperties properties) {
        this.ingest = ingest;
        this.maxBodyBytes = properties.ingest().maxBodyBytes();
    }

    @PostMapping(path = "/api/v1/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scope.INGEST_WRITE)
    ResponseEntity<IngestAnswer> ingest(@AuthenticationPrincipal Caller caller, HttpServletRequest request)
            throws IOException {
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            throw new PayloadTooLargeException(length, maxBodyBytes);
        }
        IngestResult result = ingest.ingest(caller.workspace(), request.getInputStream());
        IngestAnswer answer = IngestAnswer.of(result);
        return ResponseEntity.status(result.rejected().isEmpty() ? 200 : 207).body(answer);
    }

    /** {@code {"accepted": N, "rejected": [{"index", "id", "error"}]}}, as DESIGN.md §4 says. */
    record IngestAnswer(int accepted, List<Rejected> rejected) {
        static IngestAnswer of(IngestResult result) {
            return new IngestAnswer(result.accepted(),
                    result.rejected().stream().map(r -> new Rejected(r.index(), r.id(), r.error())).toList());
        }
    }

    record Rejected(int index, String id, String error) {}
}
