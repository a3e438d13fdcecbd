package dev.sextant.model;

import java.util.List;

/** A choice an agent made: at which point, what it chose, what else it could have, and why. */
public record Decision(String point, String chosen, List<String> alternatives, String reasoning) {
    public Decision {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
