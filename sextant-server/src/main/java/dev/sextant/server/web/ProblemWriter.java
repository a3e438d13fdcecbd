package dev.sextant.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link Problem} straight to a servlet response, for filters that run before MVC. */
@Component
public class ProblemWriter {
    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, Problem problem, Map<String, String> headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.kind().status().value());
        headers.forEach(response::setHeader);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        json.writeValue(response.getOutputStream(), problem.body());
    }
}
