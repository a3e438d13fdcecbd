package dev.sextant.pii;

/** Where a rule matched in a text: {@code [start, end)}, which detector, and what its rule does. */
public record MaskFinding(String detector, MaskAction action, int start, int end) {}
