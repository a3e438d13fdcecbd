package dev.sextant.model;

import java.time.Instant;

public record Workspace(WorkspaceId id, String slug, String name, Instant createdAt) {}
