package dev.sextant.server.users;

import dev.sextant.server.access.Caller;
import dev.sextant.server.web.Problem;
import dev.sextant.server.web.ProblemWriter;
import dev.sextant.store.ActiveSession;
import dev.sextant.store.StoreException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@value #COOKIE} cookie when no API key did: the caller is the
 * session's workspace with its user's role's scopes, so every /api endpoint answers a session as
 * it answers a key. A missing, unknown or expired session leaves the request anonymous (401
 * where authentication is needed). CSRF: besides SameSite=Strict, a state-changing request
 * (not GET, HEAD or OPTIONS) that a cookie authenticates must carry {@value #CSRF_HEADER}: 1,
 * a header a cross-site form cannot send; without it the answer is 403.
 */
public final class SessionCookieFilter extends OncePerRequestFilter {
    public static final String COOKIE = "sextant_session";
    public static final String CSRF_HEADER = "X-Sextant-Request";
    private static final String LOGIN = "/api/v1/auth/login";
    static final String ATTRIBUTE = SessionCookieFilter.class.getName() + ".session";
    private static final Logger log = LoggerFactory.getLogger(SessionCookieFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionAuthenticator sessions;
    private final ProblemWriter problems;

    public SessionCookieFilter(SessionAuthenticator sessions, ProblemWriter problems) {
        this.sessions = sessions;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SessionToken> token = cookie(request).flatMap(SessionToken::parse);
        if (token.isEmpty() || SecurityContextHolder.getContext().getAuthentication() != null
                || !request.getRequestURI().startsWith("/api/") || request.getRequestURI().equals(LOGIN)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ActiveSession> active;
        try {
            active = sessions.authenticate(token.get());
        } catch (StoreException e) {
            log.error("session lookup failed", e);
            problems.write(response, Problem.of(Problem.Kind.UNAVAILABLE,
                    "the database failed to answer while checking the session; retry later", request.getRequestURI()),
                    Map.of());
            return;
        }
        if (active.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !"1".equals(request.getHeader(CSRF_HEADER))) {
            problems.write(response, Problem.of(Problem.Kind.FORBIDDEN, "a " + request.getMethod()
                    + " request authenticated by the session cookie must send the header '" + CSRF_HEADER
                    + ": 1' (protection against cross-site request forgery)", request.getRequestURI()), Map.of());
            return;
        }
        ActiveSession session = active.get();
        Caller caller = new Caller(session.session().workspace(), session.user().id(), session.user().email(),
                session.role().scopes());
        request.setAttribute(ATTRIBUTE, session);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SessionAuthentication(caller));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The session that authenticated this request, if a session did. */
    static Optional<ActiveSession> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ActiveSession session ? Optional.of(session) : Optional.empty();
    }
}
