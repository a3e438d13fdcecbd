package dev.sextant.server.access;

import dev.sextant.server.boot.Readiness;
import dev.sextant.server.web.Problem;
import dev.sextant.server.web.ProblemWriter;
import dev.sextant.store.StoreException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its API key. No key: the request goes on anonymous and the
 * security rules answer 401 where a key is needed. A garbled, unknown or revoked key: 401 here.
 * Before startup has finished (migrations, bootstrap, demo load) API calls get 503.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final KeyAuthenticator authenticator;
    private final ProblemWriter problems;
    private final Readiness readiness;

    ApiKeyFilter(KeyAuthenticator authenticator, ProblemWriter problems, Readiness readiness) {
        this.authenticator = authenticator;
        this.problems = problems;
        this.readiness = readiness;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!readiness.ready() && (request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/v1/"))) {
            problems.write(response, Problem.of(Problem.Kind.UNAVAILABLE,
                    "Sextant is starting (" + readiness.phase() + "); retry shortly", request.getRequestURI()),
                    Map.of("Retry-After", "1"));
            return;
        }
        Credentials credentials = Credentials.from(request);
        switch (credentials) {
            case Credentials.Absent absent -> chain.doFilter(request, response);
            case Credentials.Garbled garbled -> ProblemEntryPoint.unauthorized(problems, request, response, garbled.why(), true);
            case Credentials.Presented presented -> authenticate(presented.secret(), request, response, chain);
        }
    }

    private void authenticate(KeySecret secret, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        Optional<Caller> caller;
        try {
            caller = authenticator.authenticate(secret);
        } catch (StoreException e) {
            log.error("API key lookup failed", e);
            problems.write(response, Problem.of(Problem.Kind.UNAVAILABLE,
                    "the database failed to answer while checking the API key; retry later", request.getRequestURI()),
                    Map.of());
            return;
        }
        if (caller.isEmpty()) {
            ProblemEntryPoint.unauthorized(problems, request, response, "the API key is unknown or revoked", true);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
