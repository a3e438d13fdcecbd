package dev.sextant.pii;

import java.util.Locale;

/**
 * What happens to a detected value: left alone ({@code off}), replaced by a label such as
 * {@code [EMAIL]} ({@code mask}), replaced by a keyed hash that stays the same for the same value
 * so joins still work ({@code hash}), or the whole field's value removed ({@code drop}).
 */
public enum MaskAction {
    OFF,
    MASK,
    HASH,
    DROP;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action of a wire name; {@link IllegalArgumentException} naming the choices otherwise. */
    public static MaskAction fromWire(String wire) {
        for (MaskAction a : values()) {
            if (a.wire().equals(wire)) {
                return a;
            }
        }
        throw new IllegalArgumentException("the actions are off, mask, hash, drop");
    }
}
