package dev.sextant.analytics.experiments;

import java.util.List;
import java.util.Locale;

/**
 * What the experiment's results allow, for the results page and {@code auto_conclude}: a winner
 * (named), no difference, keep running (with what is missing), or invalid (the split does not
 * fit the allocation), with a sentence that carries the numbers.
 */
public record ExperimentVerdict(Kind kind, String winner, List<String> missing, String recommendation) {

    public enum Kind {
        WINNER, NO_DIFFERENCE, KEEP_RUNNING, INVALID;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ExperimentVerdict {
        missing = List.copyOf(missing);
    }
}
