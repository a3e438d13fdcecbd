package dev.sextant.store.training;

/** The data a run trains on, as the client names it; every part optional. {@code size} counts examples. */
public record DatasetRef(String id, String name, Long size, String source, String split) {}
