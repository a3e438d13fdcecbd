package dev.sextant.analytics;

/**
 * How a model substitution is judged: non-inferiority margins (success and hand-off rate in
 * absolute proportion, mean rating in rating points), the family-wise level {@code alpha}, and the
 * minimum samples below which nothing is recommended: {@code minExecutions} traces per model, and
 * {@code minRatings} ratings per model for the rating to be tested at all.
 */
public record SubstitutionSettings(double successMargin, double handoffMargin, double ratingMargin, double alpha,
        int minExecutions, int minRatings) {

    public static final SubstitutionSettings DEFAULT = new SubstitutionSettings(0.05, 0.05, 0.25, 0.05, 30, 20);

    public SubstitutionSettings {
        check("success margin", successMargin, 0, 1);
        check("hand-off margin", handoffMargin, 0, 1);
        check("rating margin", ratingMargin, 0, Double.MAX_VALUE);
        check("alpha", alpha, 0, 0.5);
        if (minExecutions < 2 || minRatings < 2) {
            throw new IllegalArgumentException("minimum samples must be at least 2, was " + minExecutions + " and "
                    + minRatings);
        }
    }

    private static void check(String name, double value, double above, double below) {
        if (!(value > above && value < below)) {
            throw new IllegalArgumentException(name + " must be above " + above + " and below " + below + ", was " + value);
        }
    }

    public SubstitutionSettings withMargins(Double success, Double handoff, Double rating) {
        return new SubstitutionSettings(success == null ? successMargin : success,
                handoff == null ? handoffMargin : handoff, rating == null ? ratingMargin : rating, alpha, minExecutions,
                minRatings);
    }
}
