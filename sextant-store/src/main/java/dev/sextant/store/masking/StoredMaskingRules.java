package dev.sextant.store.masking;

import java.time.Instant;

/** Rules as saved: JSON text and when. */
public record StoredMaskingRules(String json, Instant updatedAt) {}
