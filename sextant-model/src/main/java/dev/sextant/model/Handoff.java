package dev.sextant.model;

/** A hand-off to a human or another agent. */
public record Handoff(boolean triggered, String reason, String target) {}
