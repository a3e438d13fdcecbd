package dev.sextant.analytics.insights;

import java.util.List;

/**
 * What one detector did in a run: how many candidates (keys times metrics) it looked at, how many
 * it skipped below its minimum sample ({@code minimum} says what that is) or because the data
 * cannot be tested (no variation), and the findings it tested.
 */
public record Detection(String detector, String minimum, int candidates, int skippedTooLittleData, int untestable,
        List<Finding> tested) {

    public Detection {
        tested = List.copyOf(tested);
        if (skippedTooLittleData + untestable + tested.size() != candidates) {
            throw new IllegalArgumentException(detector + ": " + candidates + " candidates must be skipped ("
                    + skippedTooLittleData + "), untestable (" + untestable + ") or tested (" + tested.size() + ")");
        }
    }

    /** Collects one detector's outcome candidate by candidate. */
    static final class Builder {
        private final String detector;
        private final String minimum;
        private int candidates;
        private int skipped;
        private int untestable;
        private final List<Finding> tested = new java.util.ArrayList<>();

        Builder(String detector, String minimum) {
            this.detector = detector;
            this.minimum = minimum;
        }

        void skipped() {
            candidates++;
            skipped++;
        }

        void untestable() {
            candidates++;
            untestable++;
        }

        void tested(Finding finding) {
            candidates++;
            tested.add(finding);
        }

        Detection build() {
            return new Detection(detector, minimum, candidates, skipped, untestable, tested);
        }
    }
}
