package dev.sextant.store.learnings;

/**
 * Why a learning was believed when it was stored: the support, confidence and lift of its
 * pattern, over {@code n} observations, and where that came from (e.g. {@code patterns},
 * {@code manual}). Every part may be missing.
 */
public record LearningEvidence(Double support, Double confidence, Double lift, Long n, String source) {

    public static final LearningEvidence NONE = new LearningEvidence(null, null, null, null, null);

    public LearningEvidence {
        unit("support", support);
        unit("confidence", confidence);
        if (lift != null && (!Double.isFinite(lift) || lift < 0)) {
            throw new IllegalArgumentException("lift must be a finite number of 0 or more, was " + lift);
        }
        if (n != null && n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, was " + n);
        }
    }

    private static void unit(String name, Double v) {
        if (v != null && !(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + v);
        }
    }
}
