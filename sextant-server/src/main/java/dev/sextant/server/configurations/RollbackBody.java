package dev.sextant.server.configurations;

/** {@code POST /api/v1/configurations/{id}/rollback}: the earlier {@code version} to make active again. */
record RollbackBody(Integer version) {}
