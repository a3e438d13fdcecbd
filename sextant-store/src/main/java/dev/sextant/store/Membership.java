package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/** One workspace a user belongs to, with the role there. */
public record Membership(WorkspaceId workspace, Role role) {}
