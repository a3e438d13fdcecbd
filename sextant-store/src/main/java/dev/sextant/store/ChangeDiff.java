package dev.sextant.store;

import java.util.List;

/**
 * What changed between two contents (JSON object texts), parameter by parameter, with each
 * change's impact. The store calls it inside its transaction; {@code from} is null for a new
 * configuration. Pure and quick: it must not touch the store.
 */
@FunctionalInterface
public interface ChangeDiff {
    List<ParameterChange> between(String from, String to);
}
