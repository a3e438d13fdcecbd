package dev.sextant.store.training;

/**
 * What an append stored: {@code appended} points, of which {@code outOfOrder} had a step lower
 * than the highest step the run had logged before them (stored all the same), and the run's
 * highest step afterwards.
 */
public record AppendResult(int appended, int outOfOrder, long lastStep) {}
