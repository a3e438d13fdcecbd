package dev.sextant.server.otlp;

import dev.sextant.ingest.BodyTooLargeException;
import dev.sextant.ingest.IngestBusyException;
import dev.sextant.ingest.IngestService;
import dev.sextant.ingest.IngestUnavailableException;
import dev.sextant.ingest.MalformedBodyException;
import dev.sextant.model.Scope;
import dev.sextant.otlp.OtlpEncoding;
import dev.sextant.otlp.OtlpIngest;
import dev.sextant.otlp.OtlpResponses;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.boot.SextantProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTLP/HTTP trace export, {@code POST /v1/traces}, answered as the OTLP specification says, in
 * the request's encoding: 200 with an {@code ExportTraceServiceResponse} (partial_success for
 * refused spans), or a {@code google.rpc.Status} body with 400, 413, 415, 429 or 503. Errors are
 * answered here, not by the problem advice: OTLP clients expect a Status, not problem+json.
 */
@RestController
class OtlpTraceController {
    private static final Logger log = LoggerFactory.getLogger(OtlpTraceController.class);
    private static final int INVALID_ARGUMENT = 3;
    private static final int RESOURCE_EXHAUSTED = 8;
    private static final int UNAVAILABLE = 14;

    private final OtlpIngest otlp;
    private final long maxBodyBytes;

    OtlpTraceController(IngestService ingest, SextantProperties properties) {
        this.maxBodyBytes = properties.ingest().maxBodyBytes();
        this.otlp = new OtlpIngest(ingest, maxBodyBytes);
    }

    @PostMapping(path = "/v1/traces")
    @RequiresScope(Scope.INGEST_WRITE)
    ResponseEntity<byte[]> export(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        Optional<OtlpEncoding> encoding = OtlpEncoding.fromContentType(request.getContentType());
        if (encoding.isEmpty()) {
            return answer(415, OtlpEncoding.JSON, OtlpResponses.status(OtlpEncoding.JSON, INVALID_ARGUMENT,
                    "Content-Type must be application/x-protobuf or application/json, was "
                            + Optional.ofNullable(request.getContentType()).orElse("(none)")));
        }
        OtlpEncoding enc = encoding.get();
        String contentEncoding = Optional.ofNullable(request.getHeader(HttpHeaders.CONTENT_ENCODING))
                .map(e -> e.trim().toLowerCase(Locale.ROOT)).orElse("identity");
        if (!contentEncoding.equals("gzip") && !contentEncoding.equals("identity")) {
            return answer(415, enc, OtlpResponses.status(enc, INVALID_ARGUMENT,
                    "Content-Encoding must be gzip or none, was " + contentEncoding));
        }
        try {
            long length = request.getContentLengthLong();
            if (length > maxBodyBytes) {
                throw new BodyTooLargeException(maxBodyBytes);
            }
            OtlpIngest.Outcome outcome = otlp.export(caller.workspace(), request.getInputStream(), enc,
                    contentEncoding.equals("gzip"));
            return answer(200, enc, OtlpResponses.export(enc, outcome.rejectedSpans(), outcome.errorMessage()));
        } catch (MalformedBodyException e) {
            return answer(400, enc, OtlpResponses.status(enc, INVALID_ARGUMENT, e.getMessage()));
        } catch (BodyTooLargeException e) {
            return answer(413, enc, OtlpResponses.status(enc, INVALID_ARGUMENT, e.getMessage()));
        } catch (IngestBusyException e) {
            return retryLater(429, enc, RESOURCE_EXHAUSTED, e.getMessage(), e.retryAfter().toSeconds());
        } catch (IngestUnavailableException e) {
            log.warn("OTLP export not stored: {}", e.getMessage());
            return retryLater(503, enc, UNAVAILABLE, e.getMessage(), 1);
        }
    }

    private static ResponseEntity<byte[]> retryLater(int status, OtlpEncoding enc, int code, String message,
            long seconds) {
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)))
                .header(HttpHeaders.CONTENT_TYPE, enc.mediaType()).body(OtlpResponses.status(enc, code, message));
    }

    private static ResponseEntity<byte[]> answer(int status, OtlpEncoding enc, byte[] body) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, enc.mediaType()).body(body);
    }
}
