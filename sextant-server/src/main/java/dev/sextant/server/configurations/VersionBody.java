package dev.sextant.server.configurations;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/configurations/{id}/versions}: the new version's {@code content}, its
 * {@code parent_version} (default: the active one), {@code message}, whether to
 * {@code activate} it (default false) and an optional {@code sdk_version} to check against.
 */
record VersionBody(JsonNode content, Integer parentVersion, String message, Boolean activate, String sdkVersion) {}
