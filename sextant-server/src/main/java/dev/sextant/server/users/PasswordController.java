package dev.sextant.server.users;

import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.AnyValidKey;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.ActiveSession;
import dev.sextant.store.UserLogin;
import dev.sextant.store.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A logged-in user changes their own password. Only a login session may (an API key has no
 * password); the current password must be given again, so a browser left open is not enough to
 * take the account over. Every other session of the user ends, in every workspace (a password
 * is changed because it may be known to someone else); the session that changed it stays.
 */
@RestController
class PasswordController {
    /** Longer than any acceptable password; a bigger value is refused before BCrypt sees it. */
    static final int MAX_CHARS = 1024;

    private final UserStore users;
    private final Passwords passwords;

    private final AuditTrail audit;

    PasswordController(UserStore users, Passwords passwords, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
        this.passwords = passwords;
    }

    @PostMapping("/api/v1/auth/password")
    @AnyValidKey
    ResponseEntity<Void> change(@AuthenticationPrincipal Caller caller, @RequestBody ChangePassword body,
            HttpServletRequest request) {
        ActiveSession session = SessionCookieFilter.of(request).orElseThrow(() -> InvalidRequestException.of(FieldProblem.parameter(
                SessionCookieFilter.COOKIE, "a password is changed by its user in a login session; "
                        + "the request was authenticated by an API key")));
        body.validate();
        String hash = users.findLogin(session.user().email()).map(UserLogin::passwordHash).orElse(null);
        if (!passwords.matches(body.currentPassword(), hash)) {
            throw InvalidRequestException.of(FieldProblem.field("current_password", "the current password is wrong"));
        }
        if (body.newPassword().equals(body.currentPassword())) {
            throw InvalidRequestException.of(FieldProblem.field("new_password",
                    "the new password is the current one; choose a different password"));
        }
        users.updatePassword(session.user().id(), passwords.hash(body.newPassword()), session.session().id());
        audit.record(caller, "user.password_change", "user", session.user().id(), AuditTrail.details());
        return ResponseEntity.noContent().build();
    }

    record ChangePassword(String currentPassword, String newPassword) {
        void validate() {
            List<FieldProblem> problems = new ArrayList<>();
            if (currentPassword == null || currentPassword.isEmpty()) {
                problems.add(FieldProblem.field("current_password", "current_password is required"));
            } else if (currentPassword.length() > MAX_CHARS) {
                problems.add(FieldProblem.field("current_password", "current_password is over " + MAX_CHARS + " characters"));
            }
            if (newPassword == null || newPassword.isEmpty()) {
                problems.add(FieldProblem.field("new_password", "new_password is required"));
            } else if (newPassword.length() > MAX_CHARS) {
                problems.add(FieldProblem.field("new_password", "new_password is over " + MAX_CHARS + " characters; "
                        + "a password may have at most " + Passwords.MAX_BYTES + " bytes (UTF-8)"));
            } else if (Passwords.problem(newPassword) != null) {
                problems.add(FieldProblem.field("new_password", Passwords.problem(newPassword)));
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }

        @Override
        public String toString() {
            return "ChangePassword[***]";
        }
    }
}
