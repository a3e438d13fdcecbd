package dev.sextant.store.context;

/** What a set of context items belongs to: a trace (one interaction) or a session (all its traces). */
public enum ContextOwner {
    TRACE,
    SESSION
}
