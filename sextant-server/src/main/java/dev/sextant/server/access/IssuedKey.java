package dev.sextant.server.access;

import dev.sextant.model.ApiKey;

/** A key just created, with its secret: the only moment the secret is known. */
public record IssuedKey(ApiKey key, KeySecret secret) {}
