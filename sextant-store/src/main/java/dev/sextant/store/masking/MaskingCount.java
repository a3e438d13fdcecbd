package dev.sextant.store.masking;

/** How many values one detector ({@code email}, a custom pattern's name) had one action applied to. */
public record MaskingCount(String detector, String action, long count) {
    public MaskingCount {
        if (count < 0) {
            throw new IllegalArgumentException("a count is never negative, was " + count);
        }
    }
}
