package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.time.Instant;

/**
 * A dashboard login. {@code id} is the hex SHA-256 of the cookie's random token (the token
 * itself is never stored); {@code workspace} is the one the session currently works in.
 */
public record LoginSession(String id, String userId, WorkspaceId workspace, Instant createdAt, Instant lastSeenAt,
        Instant expiresAt) {}
