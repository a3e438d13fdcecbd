package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/** A dashboard user; not tenant data (one user may belong to several workspaces). */
public record User(String id, String email, String name, Instant createdAt, boolean disabled) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
