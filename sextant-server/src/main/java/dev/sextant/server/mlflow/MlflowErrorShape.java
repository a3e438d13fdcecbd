package dev.sextant.server.mlflow;

import dev.sextant.server.web.ErrorShape;
import dev.sextant.server.web.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The 401 and 503 that the key filter writes, as MLflow errors on MLflow paths. */
@Component
class MlflowErrorShape implements ErrorShape {
    static final String BASE = "/api/2.0/mlflow/";

    @Override
    public boolean covers(String path) {
        return path.startsWith(BASE);
    }

    @Override
    public Map<String, Object> body(Problem problem) {
        ErrorCode code = switch (problem.kind()) {
            case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
            case FORBIDDEN -> ErrorCode.PERMISSION_DENIED;
            case UNAVAILABLE -> ErrorCode.TEMPORARILY_UNAVAILABLE;
            case BUSY, TOO_MANY_ATTEMPTS -> ErrorCode.REQUEST_LIMIT_EXCEEDED;
            case NOT_FOUND -> ErrorCode.RESOURCE_DOES_NOT_EXIST;
            case INTERNAL_ERROR -> ErrorCode.INTERNAL_ERROR;
            default -> ErrorCode.BAD_REQUEST;
        };
        return error(code, problem.detail());
    }

    static Map<String, Object> error(ErrorCode code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code.name());
        body.put("message", message);
        return body;
    }
}
