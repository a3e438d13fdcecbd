package dev.sextant.store;

import java.time.Instant;

/** A version without its text and variables: what lists and analytics need. */
public record PromptVersionSummary(String templateId, int version, String message, String createdBy, Instant createdAt) {}
