package dev.sextant.server.access;

import dev.sextant.server.web.Problem;
import dev.sextant.server.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 for a request that needs a key and has none, as a problem with WWW-Authenticate. */
final class ProblemEntryPoint implements AuthenticationEntryPoint {
    private final ProblemWriter problems;

    ProblemEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(problems, request, response,
                "this endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'", false);
    }

    static void unauthorized(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response,
            String detail, boolean invalidToken) throws IOException {
        String challenge = invalidToken ? "Bearer realm=\"sextant\", error=\"invalid_token\"" : "Bearer realm=\"sextant\"";
        problems.write(response, Problem.of(Problem.Kind.UNAUTHORIZED, detail, request.getRequestURI()),
                Map.of("WWW-Authenticate", challenge));
    }
}
