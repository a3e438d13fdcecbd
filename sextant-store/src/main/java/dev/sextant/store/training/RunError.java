package dev.sextant.store.training;

/** Why a run failed, as the trainer reported it. */
public record RunError(String type, String message, String traceback) {}
