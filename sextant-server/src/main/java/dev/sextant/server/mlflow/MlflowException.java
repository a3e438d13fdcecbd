package dev.sextant.server.mlflow;

import org.springframework.http.HttpStatus;

/** A request the MLflow API refuses, answered as {@code {"error_code", "message"}} with the code's status (or {@code status}). */
final class MlflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final HttpStatus status;

    MlflowException(ErrorCode code, String message) {
        this(code, code.status(), message);
    }

    MlflowException(ErrorCode code, HttpStatus status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    static MlflowException invalid(String message) {
        return new MlflowException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    static MlflowException missing(String message) {
        return new MlflowException(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
    }

    ErrorCode code() {
        return code;
    }

    HttpStatus status() {
        return status;
    }
}
