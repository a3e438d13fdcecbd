package dev.sextant.pii;

/**
 * Where a detector found something in a text: {@code [start, end)} in UTF-16 units, so a masker
 * can replace exactly that span. Reports count matches; they never copy the matched text.
 */
public record PiiMatch(PiiKind kind, int start, int end) {
    public PiiMatch {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a match needs 0 <= start < end, was [" + start + ", " + end + ")");
        }
    }
}
