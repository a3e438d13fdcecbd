package dev.sextant.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one error shape of the API: an RFC 9457 problem ({@code type, title, status, detail,
 * instance}, plus {@code errors} where a list helps). Built here so the controller advice and
 * the security filters answer exactly alike.
 */
public record Problem(Kind kind, String detail, String instance, List<FieldProblem> errors, Map<String, Object> extra) {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    /** What went wrong, as a stable {@code type} URI with its status and title. */
    public enum Kind {
        INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
        MALFORMED_BODY(HttpStatus.BAD_REQUEST, "Malformed request body"),
        UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
        FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
        NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
        METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
        NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
        CONFLICT(HttpStatus.CONFLICT, "Conflict"),
        PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
        BUSY(HttpStatus.TOO_MANY_REQUESTS, "Busy, retry later"),
        TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts"),
        INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

        private final HttpStatus status;
        private final String title;

        Kind(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }

        public HttpStatus status() {
            return status;
        }

        public String type() {
            return "urn:sextant:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String title() {
            return title;
        }
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Problem of(Kind kind, String detail, String instance) {
        return new Problem(kind, detail, instance, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldProblem> list) {
        return new Problem(kind, detail, instance, list, extra);
    }

    public Problem with(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(extra);
        merged.putAll(more);
        return new Problem(kind, detail, instance, errors, merged);
    }

    /** The JSON object, members in the RFC's order. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type());
        body.put("title", kind.title());
        body.put("status", kind.status().value());
        body.put("detail", detail);
        body.put("instance", instance);
        extra.forEach(body::put);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    public ResponseEntity<Object> response(HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        if (headers != null) {
            all.addAll(headers);
        }
        all.setContentType(MEDIA_TYPE);
        return new ResponseEntity<>(body(), all, kind.status());
    }
}
