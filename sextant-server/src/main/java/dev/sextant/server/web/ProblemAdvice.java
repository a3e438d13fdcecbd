package dev.sextant.server.web;

import dev.sextant.ingest.BodyTooLargeException;
import dev.sextant.ingest.IngestBusyException;
import dev.sextant.ingest.IngestUnavailableException;
import dev.sextant.ingest.MalformedBodyException;
import dev.sextant.store.ConflictException;
import dev.sextant.store.StoreException;
import dev.sextant.server.web.Problem.Kind;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place exceptions become HTTP answers: our domain's exceptions and Spring MVC's own,
 * all as {@link Problem}s. Stack traces are logged for unexpected failures, never sent.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalid(InvalidRequestException e, HttpServletRequest request) {
        return Problem.of(Kind.INVALID_REQUEST, e.getMessage(), path(request)).withErrors(e.problems()).response(null);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        return problem(Kind.INVALID_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(MalformedBodyException.class)
    ResponseEntity<Object> malformed(MalformedBodyException e, HttpServletRequest request) {
        return problem(Kind.MALFORMED_BODY, e.getMessage(), request);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e, HttpServletRequest request) {
        return Problem.of(Kind.PAYLOAD_TOO_LARGE, e.getMessage(), path(request))
                .with(Map.of("limit_bytes", e.limitBytes())).response(null);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return problem(Kind.PAYLOAD_TOO_LARGE, e.getMessage(), request);
    }

    @ExceptionHandler(IngestBusyException.class)
    ResponseEntity<Object> busy(IngestBusyException e, HttpServletRequest request) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Problem.of(Kind.BUSY, e.getMessage(), path(request)).response(headers);
    }

    @ExceptionHandler(IngestUnavailableException.class)
    ResponseEntity<Object> ingestUnavailable(IngestUnavailableException e, HttpServletRequest request) {
        log.warn("ingest unavailable: {}", e.getMessage());
        return problem(Kind.UNAVAILABLE, e.getMessage(), request);
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<Object> storeFailed(StoreException e, HttpServletRequest request) {
        log.error("store failed on {} {}", request.getMethod(), path(request), e);
        return problem(Kind.UNAVAILABLE, "the database failed to answer; nothing was changed, retry later", request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, HttpServletRequest request) {
        return problem(Kind.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(Kind.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e, HttpServletRequest request) {
        return Problem.of(Kind.FORBIDDEN, e.getMessage(), path(request)).with(e.properties()).response(null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.beans.TypeMismatchException) {
            return handleException(e, new ServletWebRequest(request));
        }
        String incident = UUID.randomUUID().toString();
        log.error("unexpected failure {} on {} {}", incident, request.getMethod(), path(request), e);
        return problem(Kind.INTERNAL_ERROR, "an unexpected error occurred; it was logged as incident " + incident, request);
    }

    // Spring MVC's own exceptions, reshaped into our problem with a useful detail.

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        String message = name + " must be a valid " + type + ", was '" + e.getValue() + "'";
        return Problem.of(Kind.INVALID_REQUEST, message, path(request))
                .withErrors(List.of(FieldProblem.parameter(name, message))).response(null);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = "the query parameter " + e.getParameterName() + " is required";
        return Problem.of(Kind.INVALID_REQUEST, message, path(request))
                .withErrors(List.of(FieldProblem.parameter(e.getParameterName(), message))).response(null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (StrictJson.tooLong(e)) {
            return Problem.of(Kind.PAYLOAD_TOO_LARGE, "the request body is over the limit of "
                    + StrictJson.MAX_BODY_BYTES + " bytes for this endpoint", path(request))
                    .with(Map.of("limit_bytes", StrictJson.MAX_BODY_BYTES)).response(null);
        }
        BodyProblem body = BodyProblem.describe(e);
        Problem problem = Problem.of(Kind.MALFORMED_BODY, body.detail(), path(request));
        if (body.field() != null) {
            problem = problem.withErrors(List.of(FieldProblem.field(body.field(), body.detail())));
        }
        return problem.response(null);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problem.of(Kind.NOT_FOUND, "no endpoint at " + path(request) + "; see docs/API.md", path(request))
                .response(null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getMethod() + " is not supported at " + path(request) + "; supported: "
                + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods());
        return Problem.of(Kind.METHOD_NOT_ALLOWED, detail, path(request)).response(headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
        String detail = "the request has " + sent + "; send application/json";
        return Problem.of(Kind.UNSUPPORTED_MEDIA_TYPE, detail, path(request)).response(headers);
    }

    /** Everything else Spring MVC raises: keep its status and detail, in our shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = body instanceof org.springframework.http.ProblemDetail pd ? pd.getDetail() : null;
        Kind kind = kindFor(status.value());
        return Problem.of(kind, detail == null ? kind.title() : detail, path(request)).response(headers);
    }

    private static Kind kindFor(int status) {
        return switch (status) {
            case 400 -> Kind.INVALID_REQUEST;
            case 404 -> Kind.NOT_FOUND;
            case 405 -> Kind.METHOD_NOT_ALLOWED;
            case 406 -> Kind.NOT_ACCEPTABLE;
            case 413 -> Kind.PAYLOAD_TOO_LARGE;
            case 415 -> Kind.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> Kind.UNAVAILABLE;
            default -> Kind.INTERNAL_ERROR;
        };
    }

    private static ResponseEntity<Object> problem(Kind kind, String detail, HttpServletRequest request) {
        return Problem.of(kind, detail, path(request)).response(null);
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    static String path(WebRequest request) {
        return request instanceof ServletWebRequest s ? s.getRequest().getRequestURI() : null;
    }
}
