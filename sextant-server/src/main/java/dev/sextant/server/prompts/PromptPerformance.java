package dev.sextant.server.prompts;

/**
 * Quality score and performance category of a template (or a version) from its success rate
 * and average rating (1 to 5).
 *
 * <p>Quality score, from 0 to 1: {@code 0.6 × success_rate + 0.4 × average_rating / 5} (the
 * rating clamped to 0..5); with no rating, the success rate alone (basis {@code success_rate});
 * with no use, none. Category, as issue 6 defines it: {@code high_performing} when success rate
 * > 0.9 and rating > 4.5; {@code good_performing} when > 0.75 and > 4.0; {@code acceptable} when
 * success rate > 0.6; else {@code needs_improvement}. Without ratings the two rating conditions
 * cannot hold, so the best is {@code acceptable}; without uses there is no category (null).
 */
record PromptPerformance(Double qualityScore, String qualityBasis, String category) {
    static final double SUCCESS_WEIGHT = 0.6;
    static final double RATING_WEIGHT = 0.4;

    static PromptPerformance of(long uses, long successes, Double averageRating) {
        if (uses == 0) {
            return new PromptPerformance(null, null, null);
        }
        double success = (double) successes / uses;
        Double quality;
        String basis;
        if (averageRating == null) {
            quality = success;
            basis = "success_rate";
        } else {
            quality = SUCCESS_WEIGHT * success + RATING_WEIGHT * Math.min(5, Math.max(0, averageRating)) / 5;
            basis = "success_rate_and_rating";
        }
        return new PromptPerformance(quality, basis, category(success, averageRating));
    }

    static String category(double success, Double rating) {
        boolean rated = rating != null;
        if (rated && success > 0.9 && rating > 4.5) {
            return "high_performing";
        }
        if (rated && success > 0.75 && rating > 4.0) {
            return "good_performing";
        }
        return success > 0.6 ? "acceptable" : "needs_improvement";
    }
}
