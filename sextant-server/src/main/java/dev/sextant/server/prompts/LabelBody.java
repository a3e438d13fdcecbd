package dev.sextant.server.prompts;

/** Where the {@code production} label goes: a version number, or null for "always the newest". */
record LabelBody(Integer version) {}
