package dev.sextant.server.users;

import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Member;
import dev.sextant.store.Role;
import dev.sextant.store.User;
import dev.sextant.store.UserLogin;
import dev.sextant.store.UserStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's workspace's members (admin): list, add (creating the user when the email is new),
 * change a role, remove. The last admin can be neither demoted nor removed.
 */
@RestController
@RequestMapping("/api/v1/members")
class MemberController {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final int MAX_NAME = 200;

    private final UserStore users;
    private final Passwords passwords;

    private final AuditTrail audit;

    MemberController(UserStore users, Passwords passwords, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
        this.passwords = passwords;
    }

    @GetMapping
    @RequiresScope(Scope.ADMIN)
    Map<String, List<MemberView>> list(@AuthenticationPrincipal Caller caller) {
        return Map.of("items", users.members(caller.workspace()).stream().map(MemberView::of).toList());
    }

    @PostMapping
    @RequiresScope(Scope.ADMIN)
    ResponseEntity<MemberView> add(@AuthenticationPrincipal Caller caller, @RequestBody AddMember body) {
        Role role = body.validated();
        Optional<UserLogin> existing = users.findLogin(body.email());
        User user;
        if (existing.isPresent()) {
            user = existing.get().user();
            if (users.findMember(caller.workspace(), user.id()).isPresent()) {
                throw new ConflictException("'" + user.email() + "' is already a member; change the role with PUT /api/v1/members/" + user.id());
            }
            if (body.password() != null) {
                throw InvalidRequestException.of(FieldProblem.field("password",
                        "the user exists already; a password is set only for a new user"));
            }
        } else {
            if (body.password() == null) {
                throw InvalidRequestException.of(FieldProblem.field("password",
                        "password is required to create a new user (" + body.email().strip() + ")"));
            }
            String problem = Passwords.problem(body.password());
            if (problem != null) {
                throw InvalidRequestException.of(FieldProblem.field("password", problem));
            }
            String name = body.name() == null || body.name().isBlank()
                    ? body.email().strip().substring(0, body.email().strip().indexOf('@')) : body.name().strip();
            user = users.createUser(body.email().strip(), name, passwords.hash(body.password()));
        }
        users.setRole(caller.workspace(), user.id(), role);
        audit.record(caller, "member.add", "member", user.id(), AuditTrail.details("email", user.email(), "role", role.wire(), "new_user", existing.isEmpty()));
        return ResponseEntity.status(HttpStatus.CREATED).body(MemberView.of(new Member(user, role)));
    }

    @PutMapping("/{userId}")
    @RequiresScope(Scope.ADMIN)
    MemberView change(@AuthenticationPrincipal Caller caller, @PathVariable String userId, @RequestBody ChangeRole body) {
        Role role = parseRole(body.role());
        Member member = users.findMember(caller.workspace(), userId).orElseThrow(() -> new NotFoundException("member", userId));
        if (member.role() == Role.ADMIN && role != Role.ADMIN) {
            refuseLastAdmin(caller.workspace(), "demoted");
        }
        users.setRole(caller.workspace(), userId, role);
        audit.record(caller, "member.role_change", "member", userId, AuditTrail.details("email", member.user().email(), "before", member.role().wire(), "after", role.wire()));
        return MemberView.of(new Member(member.user(), role));
    }

    @DeleteMapping("/{userId}")
    @RequiresScope(Scope.ADMIN)
    ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable String userId) {
        Member member = users.findMember(caller.workspace(), userId).orElseThrow(() -> new NotFoundException("member", userId));
        if (member.role() == Role.ADMIN) {
            refuseLastAdmin(caller.workspace(), "removed");
        }
        users.removeMember(caller.workspace(), userId);
        audit.record(caller, "member.remove", "member", userId, AuditTrail.details("email", member.user().email(), "role", member.role().wire()));
        return ResponseEntity.noContent().build();
    }

    private void refuseLastAdmin(WorkspaceId workspace, String what) {
        long admins = users.members(workspace).stream().filter(m -> m.role() == Role.ADMIN).count();
        if (admins <= 1) {
            throw new ConflictException("the workspace's last admin cannot be " + what + "; make another member admin first");
        }
    }

    static Role parseRole(String wire) {
        if (wire == null) {
            throw InvalidRequestException.of(FieldProblem.field("role", "role is required: one of " + roles()));
        }
        return Role.fromWire(wire).orElseThrow(() -> InvalidRequestException.of(
                FieldProblem.field("role", "unknown role '" + wire + "'; valid roles: " + roles())));
    }

    private static String roles() {
        return String.join(", ", Arrays.stream(Role.values()).map(Role::wire).toList());
    }

    record AddMember(String email, String role, String password, String name) {
        Role validated() {
            List<FieldProblem> problems = new ArrayList<>();
            if (email == null || email.isBlank()) {
                problems.add(FieldProblem.field("email", "email is required"));
            } else if (email.strip().length() > AuthController.MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
                problems.add(FieldProblem.field("email", "email must look like name@host and have at most "
                        + AuthController.MAX_EMAIL + " characters"));
            }
            if (name != null && name.length() > MAX_NAME) {
                problems.add(FieldProblem.field("name", "name is " + name.length() + " characters, over the limit of " + MAX_NAME));
            }
            Role parsed = null;
            try {
                parsed = parseRole(role);
            } catch (InvalidRequestException e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            return parsed;
        }

        @Override
        public String toString() {
            return "AddMember[" + email + ", " + role + "]";
        }
    }

    record ChangeRole(String role) {}

    record MemberView(String userId, String email, String name, String role, boolean disabled) {
        static MemberView of(Member m) {
            return new MemberView(m.user().id(), m.user().email(), m.user().name(), m.role().wire(), m.user().disabled());
        }
    }
}
