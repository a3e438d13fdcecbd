package dev.sextant.server.users;

import dev.sextant.model.Workspace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.AnyValidKey;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.ForbiddenException;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.Problem;
import dev.sextant.store.ActiveSession;
import dev.sextant.store.Membership;
import dev.sextant.store.Role;
import dev.sextant.store.User;
import dev.sextant.store.UserLogin;
import dev.sextant.store.UserStore;
import dev.sextant.store.WorkspaceStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dashboard login: email and password give a session cookie ({@value SessionCookieFilter#COOKIE});
 * logout ends it; {@code me} describes it; {@code workspace} moves it to another workspace of
 * the user. Wrong credentials get one answer, whichever part was wrong.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {
    static final int MAX_EMAIL = 254;
    private static final String WRONG = "the email or the password is wrong";

    private final UserStore users;
    private final WorkspaceStore workspaces;
    private final Passwords passwords;
    private final SessionAuthenticator sessions;
    private final LoginThrottle throttle;

    AuthController(UserStore users, WorkspaceStore workspaces, Passwords passwords, SessionAuthenticator sessions,
            LoginThrottle throttle) {
        this.users = users;
        this.workspaces = workspaces;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** Open to anonymous requests (see SecurityConfiguration and ScopeCheck). */
    @PostMapping("/login")
    ResponseEntity<Object> login(@RequestBody Login body, HttpServletRequest request) {
        body.validate();
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(body.email(), address);
        if (wait.isPresent()) {
            // checked before the password: a blocked guess costs no hashing and learns nothing
            long seconds = LoginThrottle.retryAfterSeconds(wait.get());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return Problem.of(Problem.Kind.TOO_MANY_ATTEMPTS, "too many failed logins for this email or from this"
                    + " address; try again in " + seconds + " s", request.getRequestURI())
                    .with(Map.of("retry_after_seconds", seconds)).response(headers);
        }
        Optional<UserLogin> login = users.findLogin(body.email());
        boolean matches = passwords.matches(body.password(), login.map(UserLogin::passwordHash).orElse(null));
        if (!matches || login.get().user().disabled()) {
            throttle.failed(body.email(), address);
            return Problem.of(Problem.Kind.UNAUTHORIZED, WRONG, request.getRequestURI()).response(null);
        }
        throttle.succeeded(body.email());
        User user = login.get().user();
        List<Membership> memberships = users.workspacesOf(user.id());
        if (memberships.isEmpty()) {
            throw new ForbiddenException("this user is not a member of any workspace; ask an admin to add you", Map.of());
        }
        Membership chosen = memberships.getFirst();
        if (body.workspace() != null) {
            chosen = find(memberships, body.workspace()).orElseThrow(() -> new ForbiddenException(
                    "this user is not a member of workspace '" + body.workspace() + "'", Map.of("workspace", body.workspace())));
        }
        SessionAuthenticator.Started started = sessions.start(chosen.workspace(), user.id());
        ResponseCookie cookie = ResponseCookie.from(SessionCookieFilter.COOKIE, started.token().value())
                .httpOnly(true).sameSite("Strict").path("/").secure(request.isSecure())
                .maxAge(sessions.absoluteTimeout()).build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString())
                .body(describe(user, chosen.workspace(), chosen.role(), started.session().expiresAt()));
    }

    @PostMapping("/logout")
    @AnyValidKey
    ResponseEntity<Void> logout(HttpServletRequest request) {
        SessionCookieFilter.of(request).ifPresent(sessions::end);
        ResponseCookie cleared = ResponseCookie.from(SessionCookieFilter.COOKIE, "")
                .httpOnly(true).sameSite("Strict").path("/").secure(request.isSecure()).maxAge(Duration.ZERO).build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cleared.toString()).build();
    }

    @GetMapping("/me")
    @AnyValidKey
    Me me(HttpServletRequest request) {
        ActiveSession session = session(request);
        return describe(session.user(), session.session().workspace(), session.role(), session.session().expiresAt());
    }

    @PostMapping("/workspace")
    @AnyValidKey
    Me switchWorkspace(@RequestBody SwitchWorkspace body, HttpServletRequest request) {
        ActiveSession session = session(request);
        if (body.workspace() == null || body.workspace().isBlank()) {
            throw InvalidRequestException.of(FieldProblem.field("workspace", "workspace is required (an id or a slug)"));
        }
        List<Membership> memberships = users.workspacesOf(session.user().id());
        Membership target = find(memberships, body.workspace()).orElseThrow(() -> new ForbiddenException(
                "you are not a member of workspace '" + body.workspace() + "'", Map.of("workspace", body.workspace())));
        if (!users.switchSession(target.workspace(), session.session().id())) {
            throw new ForbiddenException("you are not a member of workspace '" + body.workspace() + "'", Map.of());
        }
        return describe(session.user(), target.workspace(), target.role(), session.session().expiresAt());
    }

    private static ActiveSession session(HttpServletRequest request) {
        return SessionCookieFilter.of(request).orElseThrow(() -> InvalidRequestException.of(FieldProblem.parameter(
                SessionCookieFilter.COOKIE, "this endpoint is about a login session; the request was authenticated by an API key")));
    }

    /** The membership whose workspace has this id or slug. */
    private Optional<Membership> find(List<Membership> memberships, String idOrSlug) {
        for (Membership m : memberships) {
            if (m.workspace().value().equals(idOrSlug)) {
                return Optional.of(m);
            }
        }
        Optional<Workspace> bySlug = workspaces.findBySlug(idOrSlug);
        return bySlug.flatMap(w -> memberships.stream().filter(m -> m.workspace().equals(w.id())).findFirst());
    }

    private Me describe(User user, WorkspaceId current, Role role, Instant expiresAt) {
        List<WorkspaceRole> all = new ArrayList<>();
        for (Membership m : users.workspacesOf(user.id())) {
            workspaces.find(m.workspace()).ifPresent(w -> all.add(new WorkspaceRole(w.id().value(), w.slug(), w.name(), m.role().wire())));
        }
        WorkspaceRole workspace = all.stream().filter(w -> w.id().equals(current.value())).findFirst()
                .orElse(new WorkspaceRole(current.value(), null, null, role.wire()));
        return new Me(new UserView(user.id(), user.email(), user.name()), workspace, role.wire(),
                role.scopes().stream().map(s -> s.wire()).sorted().toList(), all, expiresAt);
    }

    record Login(String email, String password, String workspace) {
        void validate() {
            List<FieldProblem> problems = new ArrayList<>();
            if (email == null || email.isBlank()) {
                problems.add(FieldProblem.field("email", "email is required"));
            } else if (email.length() > MAX_EMAIL) {
                problems.add(FieldProblem.field("email", "email is over " + MAX_EMAIL + " characters"));
            }
            if (password == null || password.isEmpty()) {
                problems.add(FieldProblem.field("password", "password is required"));
            } else if (password.length() > 1024) {
                problems.add(FieldProblem.field("password", "password is over 1024 characters"));
            }
            if (workspace != null && (workspace.isBlank() || workspace.length() > 128)) {
                problems.add(FieldProblem.field("workspace", "workspace, when given, is a workspace id or slug"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }

        @Override
        public String toString() {
            return "Login[" + email + "]";
        }
    }

    record SwitchWorkspace(String workspace) {}

    record UserView(String id, String email, String name) {}

    record WorkspaceRole(String id, String slug, String name, String role) {}

    record Me(UserView user, WorkspaceRole workspace, String role, List<String> scopes, List<WorkspaceRole> workspaces,
            Instant expiresAt) {}
}
