package dev.sextant.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link Problem} straight to a servlet response, for filters that run before MVC. */
@Component
public class ProblemWriter {
    private final JsonMapper json;
    private final List<ErrorShape> shapes;

    ProblemWriter(JsonMapper json, ObjectProvider<ErrorShape> shapes) {
        this.json = json;
        this.shapes = shapes.orderedStream().toList();
    }

    public void write(HttpServletResponse response, Problem problem, Map<String, String> headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.kind().status().value());
        headers.forEach(response::setHeader);
        for (ErrorShape shape : shapes) {
            if (problem.instance() != null && shape.covers(problem.instance())) {
                response.setContentType("application/json");
                json.writeValue(response.getOutputStream(), shape.body(problem));
                return;
            }
        }
        response.setContentType(Problem.MEDIA_TYPE.toString());
        json.writeValue(response.getOutputStream(), problem.body());
    }
}
