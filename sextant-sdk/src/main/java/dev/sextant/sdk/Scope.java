package dev.sextant.sdk;

/** Undoes one {@code makeCurrent()}: closing restores the context that was current before. Never throws. */
@FunctionalInterface
public interface Scope extends AutoCloseable {
    @Override
    void close();
}
