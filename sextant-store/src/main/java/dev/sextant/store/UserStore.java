package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Dashboard users, their memberships of workspaces and their login sessions. Users are not
 * tenant data, so the user-level lookups (and the session lookup that authenticates a request,
 * like {@link ApiKeyStore#findLiveBySecretHash}) run without a workspace; everything about a
 * workspace's members takes the workspace first. Emails are unique ignoring case.
 */
public interface UserStore {

    /** Creates a user; {@link ConflictException} when the email (ignoring case) is taken. */
    User createUser(String email, String name, String passwordHash);

    Optional<User> findUser(String userId);

    /** Login: the user by email, ignoring case, with the stored password hash. */
    Optional<UserLogin> findLogin(String email);

    /**
     * Replaces the user's password hash and ends every login session of the user, in every
     * workspace, except {@code keepSessionId} (the session that asked for the change; null ends
     * them all). False (nothing changed) when there is no such user.
     */
    boolean updatePassword(String userId, String passwordHash, String keepSessionId);

    /** The workspaces the user belongs to, in the order of joining. */
    List<Membership> workspacesOf(String userId);

    /** Adds the user to the workspace or changes the role there; true when newly added. */
    boolean setRole(WorkspaceId workspace, String userId, Role role);

    List<Member> members(WorkspaceId workspace);

    Optional<Member> findMember(WorkspaceId workspace, String userId);

    /** Removes the membership and the user's sessions in that workspace; false when not a member. */
    boolean removeMember(WorkspaceId workspace, String userId);

    /** Starts a session; {@code tokenHash} is the hex SHA-256 of the cookie's token. */
    LoginSession createSession(WorkspaceId workspace, String userId, String tokenHash, Instant expiresAt);

    /**
     * Authentication: the session behind a token hash, with its user and role. Empty when there
     * is no such session, the user is disabled or no longer a member of the session's workspace.
     * Expiry is the caller's to judge (it knows the idle timeout).
     */
    Optional<ActiveSession> findSession(String tokenHash);

    void touchSession(WorkspaceId workspace, String tokenHash, Instant seenAt);

    /** Moves the session to {@code target}; false (nothing changed) unless its user is a member there. */
    boolean switchSession(WorkspaceId target, String tokenHash);

    boolean deleteSession(WorkspaceId workspace, String tokenHash);

    /**
     * Housekeeping across all workspaces: deletes at most {@code limit} sessions that expired
     * ({@code expires_at} at or before {@code now}) or went idle (last seen before
     * {@code seenBefore}); answers how many it deleted, so a caller repeats while that is the limit.
     */
    int purgeExpiredSessions(Instant now, Instant seenBefore, int limit);
}
