package dev.sextant.server.mlflow;

import dev.sextant.server.web.ForbiddenException;
import dev.sextant.store.ConflictException;
import dev.sextant.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of an MLflow endpoint as MLflow answers it: {@code {"error_code", "message"}} with
 * the code's HTTP status. Runs before the API's problem advice, for this package's controllers only.
 */
@RestControllerAdvice(basePackageClasses = MlflowErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MlflowErrors {
    private static final Logger log = LoggerFactory.getLogger(MlflowErrors.class);

    @ExceptionHandler(MlflowException.class)
    ResponseEntity<Map<String, Object>> refused(MlflowException e) {
        return answer(e.status(), e.code(), e.getMessage());
    }

    /** A parameter set again with another value, a write to a finished run, a taken name: MLflow calls these invalid values. */
    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        return answer(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_PARAMETER_VALUE, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
        return answer(HttpStatus.FORBIDDEN, ErrorCode.PERMISSION_DENIED, e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.ENDPOINT_NOT_FOUND, e.getMethod() + " is not supported at "
                + request.getRequestURI() + "; supported: " + String.join(", ", e.getSupportedMethods() == null
                        ? new String[0] : e.getSupportedMethods()));
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<Map<String, Object>> store(StoreException e, HttpServletRequest request) {
        log.error("store failed on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.TEMPORARILY_UNAVAILABLE,
                "the database failed to answer; retry later");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString();
        log.error("unexpected failure {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                "an unexpected error occurred; it was logged as incident " + incident);
    }

    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, ErrorCode code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(MlflowErrorShape.error(code, message));
    }
}
