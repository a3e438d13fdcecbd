package dev.sextant.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Code generation figures: {@code overall}, then one entry per generation type and per language
 * (spans without one are under a null key). {@code dataAsOf}: the newest interaction start
 * covered, null when no generation matched.
 */
public record CodeGenerationStats(Figures overall, List<Figures> byType, List<Figures> byLanguage,
        Instant dataAsOf) {

    public CodeGenerationStats {
        Objects.requireNonNull(overall, "overall");
        byType = List.copyOf(byType);
        byLanguage = List.copyOf(byLanguage);
    }

    /**
     * One group's figures. A generation's verdict is its newest {@code accepted} score (one on the
     * span wins over one on the trace): 1 accepted, 0 rejected. An accepted one's newest
     * {@code modified} score (found the same way) says whether it was changed before it was kept
     * (1, {@code modified}) or kept as it was (0, {@code unmodified}). Times are ms from the
     * generation span's end to the verdict; sizes are lines, characters and output tokens.
     */
    public record Figures(String key, long generations, long accepted, long rejected, long modified,
            long unmodified, Distribution msToAccept, Distribution msToReject, Distribution lines, Distribution characters,
            Distribution tokens) {

        public Figures {
            if (generations < 0 || accepted < 0 || rejected < 0 || modified < 0 || unmodified < 0
                    || accepted + rejected > generations || modified + unmodified > accepted) {
                throw new IllegalArgumentException("inconsistent counts for " + key + ": " + generations + " generations, "
                        + accepted + " accepted, " + rejected + " rejected, " + modified + " modified, " + unmodified
                        + " unmodified");
            }
        }

        /** Accepted among the judged ones; null when none was judged. */
        public Double acceptanceRate() {
            return accepted + rejected == 0 ? null : accepted / (double) (accepted + rejected);
        }

        /** Modified among the accepted ones that say whether they were; null when none says. */
        public Double modificationRate() {
            return modified + unmodified == 0 ? null : modified / (double) (modified + unmodified);
        }
    }

    /** How many values, their mean, median and 95th percentile ({@code percentile_cont}); null without values. */
    public record Distribution(long count, Double mean, Double p50, Double p95) {
    }
}
