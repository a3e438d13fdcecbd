package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ActiveSession;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Member;
import dev.sextant.store.Membership;
import dev.sextant.store.Role;
import dev.sextant.store.User;
import dev.sextant.store.UserStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class UserContract extends StoreContract {

    private UserStore users() {
        return store().users();
    }

    private static String email(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.COM";
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    public void aUserIsFoundByIdAndByEmailIgnoringCase() {
        String email = email("Ada");
        User ada = users().createUser(email, "Ada", "$2a$hash");

        assertThat(ada.id()).startsWith("usr_");
        assertThat(ada.email()).isEqualTo(email);
        assertThat(ada.disabled()).isFalse();
        assertThat(users().findUser(ada.id())).contains(ada);
        assertThat(users().findLogin(email.toLowerCase()).orElseThrow().user()).isEqualTo(ada);
        assertThat(users().findLogin("  " + email.toUpperCase() + " ").orElseThrow().passwordHash()).isEqualTo("$2a$hash");
        assertThat(users().findLogin("nobody-" + email)).isEmpty();
        assertThat(users().findUser("usr_missing")).isEmpty();
    }

    @Test
    public void anEmailIsUniqueIgnoringCase() {
        String email = email("bob");
        users().createUser(email, "Bob", "h1");
        assertThatThrownBy(() -> users().createUser(email.toUpperCase(), "Bob again", "h2"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    public void membershipsAreAddedChangedListedAndRemovedPerWorkspace() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        User a = users().createUser(email("a"), "A", "h");
        User b = users().createUser(email("b"), "B", "h");

        assertThat(users().setRole(ws, a.id(), Role.ADMIN)).isTrue();
        assertThat(users().setRole(ws, b.id(), Role.VIEWER)).isTrue();
        assertThat(users().setRole(ws, b.id(), Role.MEMBER)).isFalse();
        assertThat(users().setRole(other, b.id(), Role.VIEWER)).isTrue();

        assertThat(users().members(ws)).extracting(Member::user, Member::role)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(a, Role.ADMIN),
                        org.assertj.core.groups.Tuple.tuple(b, Role.MEMBER));
        // tenant isolation: the other workspace sees only its own member, with its own role
        assertThat(users().members(other)).containsExactly(new Member(b, Role.VIEWER));
        assertThat(users().findMember(other, a.id())).isEmpty();
        assertThat(users().findMember(ws, b.id())).contains(new Member(b, Role.MEMBER));
        assertThat(users().workspacesOf(b.id())).containsExactlyInAnyOrder(
                new Membership(ws, Role.MEMBER), new Membership(other, Role.VIEWER));

        assertThat(users().removeMember(ws, b.id())).isTrue();
        assertThat(users().removeMember(ws, b.id())).isFalse();
        assertThat(users().members(ws)).extracting(m -> m.user().id()).containsExactly(a.id());
        assertThat(users().members(other)).hasSize(1);
    }

    @Test
    public void aSessionAuthenticatesWithItsUserAndRoleUntilDeleted() {
        WorkspaceId ws = newWorkspace();
        User u = users().createUser(email("s"), "S", "h");
        users().setRole(ws, u.id(), Role.VIEWER);
        String token = token();
        Instant expires = Instant.parse("2030-01-02T03:04:05.123456Z");

        var created = users().createSession(ws, u.id(), token, expires);
        ActiveSession found = users().findSession(token).orElseThrow();
        assertThat(found.session()).isEqualTo(created);
        assertThat(found.session().expiresAt()).isEqualTo(expires);
        assertThat(found.user()).isEqualTo(u);
        assertThat(found.role()).isEqualTo(Role.VIEWER);
        assertThat(users().findSession(token())).isEmpty();

        // a role change shows at once
        users().setRole(ws, u.id(), Role.ADMIN);
        assertThat(users().findSession(token).orElseThrow().role()).isEqualTo(Role.ADMIN);

        Instant seen = created.lastSeenAt().plus(5, ChronoUnit.MINUTES);
        users().touchSession(ws, token, seen);
        assertThat(users().findSession(token).orElseThrow().session().lastSeenAt()).isEqualTo(seen);

        // another workspace cannot delete it
        assertThat(users().deleteSession(newWorkspace(), token)).isFalse();
        assertThat(users().deleteSession(ws, token)).isTrue();
        assertThat(users().findSession(token)).isEmpty();
    }

    @Test
    public void aSessionSwitchesOnlyToAWorkspaceItsUserBelongsTo() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId second = newWorkspace();
        WorkspaceId foreign = newWorkspace();
        User u = users().createUser(email("w"), "W", "h");
        users().setRole(ws, u.id(), Role.ADMIN);
        users().setRole(second, u.id(), Role.VIEWER);
        String token = token();
        users().createSession(ws, u.id(), token, Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(users().switchSession(foreign, token)).isFalse();
        assertThat(users().findSession(token).orElseThrow().session().workspace()).isEqualTo(ws);
        assertThat(users().switchSession(second, token)).isTrue();
        ActiveSession switched = users().findSession(token).orElseThrow();
        assertThat(switched.session().workspace()).isEqualTo(second);
        assertThat(switched.role()).isEqualTo(Role.VIEWER);
    }

    @Test
    public void removingAMembershipEndsTheSessionsInThatWorkspace() {
        WorkspaceId ws = newWorkspace();
        User u = users().createUser(email("r"), "R", "h");
        users().setRole(ws, u.id(), Role.MEMBER);
        String token = token();
        users().createSession(ws, u.id(), token, Instant.parse("2030-01-01T00:00:00Z"));
        users().removeMember(ws, u.id());
        assertThat(users().findSession(token)).isEmpty();
    }

    @Test
    public void aNewPasswordReplacesTheHashAndEndsTheUsersOtherSessionsInEveryWorkspace() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId second = newWorkspace();
        User u = users().createUser(email("p"), "P", "old-hash");
        User bystander = users().createUser(email("q"), "Q", "q-hash");
        users().setRole(ws, u.id(), Role.MEMBER);
        users().setRole(second, u.id(), Role.VIEWER);
        users().setRole(ws, bystander.id(), Role.MEMBER);
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        String current = token();
        String otherHere = token();
        String otherThere = token();
        String bystanders = token();
        users().createSession(ws, u.id(), current, expires);
        users().createSession(ws, u.id(), otherHere, expires);
        users().createSession(second, u.id(), otherThere, expires);
        users().createSession(ws, bystander.id(), bystanders, expires);

        assertThat(users().updatePassword(u.id(), "new-hash", current)).isTrue();

        assertThat(users().findLogin(u.email()).orElseThrow().passwordHash()).isEqualTo("new-hash");
        assertThat(users().findSession(current)).isPresent();
        assertThat(users().findSession(otherHere)).isEmpty();
        assertThat(users().findSession(otherThere)).isEmpty();
        assertThat(users().findSession(bystanders)).isPresent();
        assertThat(users().findLogin(bystander.email()).orElseThrow().passwordHash()).isEqualTo("q-hash");

        assertThat(users().updatePassword(u.id(), "newer-hash", null)).isTrue();
        assertThat(users().findSession(current)).isEmpty();
        assertThat(users().updatePassword("usr_missing", "h", null)).isFalse();
    }

    @Test
    public void expiredAndIdleSessionsArePurgedInBoundedBatches() {
        WorkspaceId ws = newWorkspace();
        User u = users().createUser(email("p"), "P", "h");
        users().setRole(ws, u.id(), Role.MEMBER);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        java.util.List<String> expired = java.util.List.of(token(), token(), token());
        expired.forEach(t -> users().createSession(ws, u.id(), t, Instant.parse("2020-01-01T00:00:00Z")));
        String idle = token();
        users().createSession(ws, u.id(), idle, Instant.parse("2099-01-01T00:00:00Z"));
        users().touchSession(ws, idle, now.minus(2, ChronoUnit.DAYS));
        String live = token();
        users().createSession(ws, u.id(), live, Instant.parse("2099-01-01T00:00:00Z"));

        Instant seenBefore = now.minus(1, ChronoUnit.DAYS);
        assertThat(users().purgeExpiredSessions(now, seenBefore, 3)).isEqualTo(3);
        assertThat(users().purgeExpiredSessions(now, seenBefore, 3)).isEqualTo(1);
        assertThat(users().purgeExpiredSessions(now, seenBefore, 3)).isZero();
        expired.forEach(t -> assertThat(users().findSession(t)).isEmpty());
        assertThat(users().findSession(idle)).isEmpty();
        assertThat(users().findSession(live)).isPresent();
        assertThatThrownBy(() -> users().purgeExpiredSessions(now, seenBefore, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
