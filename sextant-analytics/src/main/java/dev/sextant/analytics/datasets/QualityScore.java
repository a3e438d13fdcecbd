package dev.sextant.analytics.datasets;

import java.util.List;

/**
 * The overall score: a weighted geometric mean of components in [0, 1], each one minus the
 * share of records (or lines) with a problem, so a clean dataset scores 1. Geometric, not
 * arithmetic: a dataset is only as usable as its weakest aspect, so one component near zero
 * (half the lines unreadable, nearly every record a duplicate) pulls the score under the
 * training-ready line on its own, where an arithmetic mean would let eight clean components
 * outvote it. Components are floored at {@link #FLOOR} so one zero does not make every other
 * difference invisible.
 * <pre>
 *   validity      0.15  1 - malformed lines / lines
 *   completeness  0.15  complete records / records
 *   consistency   0.10  1 - (format mismatches + role-order problems) / records
 *   uniqueness    0.15  1 - (exact + near duplicates) / records
 *   noise         0.15  1 - noisy records (empty, too short/long, encoding damage) / records
 *   balance       0.10  normalized label entropy (1 when the data has no labels)
 *   label_agreement 0.05  1 - records in label conflicts / labelled records
 *   privacy       0.10  1 - records with PII / records
 *   diversity     0.05  min(1, distinct-2 / 0.5)
 * </pre>
 * Training-ready: score above {@link #READY_ABOVE} and at least one record.
 */
final class QualityScore {
    static final double READY_ABOVE = 0.7;
    static final double FLOOR = 0.01;

    private QualityScore() {}

    record Inputs(long lines, long malformed, long records, long completeRecords, long inconsistent, long duplicates,
            long noisy, Double normalizedEntropy, long labelled, long conflicted, long withPii, double distinct2) {}

    static DatasetReport.Score of(Inputs in) {
        List<DatasetReport.ScoreComponent> parts = List.of(
                part("validity", 1 - share(in.malformed(), in.lines()), 0.15),
                part("completeness", in.records() == 0 ? 0 : share(in.completeRecords(), in.records()), 0.15),
                part("consistency", 1 - share(in.inconsistent(), in.records()), 0.10),
                part("uniqueness", 1 - share(in.duplicates(), in.records()), 0.15),
                part("noise", 1 - share(in.noisy(), in.records()), 0.15),
                part("balance", in.normalizedEntropy() == null ? 1 : in.normalizedEntropy(), 0.10),
                part("label_agreement", 1 - share(in.conflicted(), in.labelled()), 0.05),
                part("privacy", 1 - share(in.withPii(), in.records()), 0.10),
                part("diversity", Math.min(1, in.distinct2() / 0.5), 0.05));
        double log = parts.stream().mapToDouble(p -> p.weight() * Math.log(Math.max(FLOOR, p.value()))).sum();
        double score = in.records() == 0 ? 0 : Rounding.round4(Math.exp(log));
        return new DatasetReport.Score(score, in.records() > 0 && score > READY_ABOVE, READY_ABOVE, parts);
    }

    private static DatasetReport.ScoreComponent part(String name, double value, double weight) {
        return new DatasetReport.ScoreComponent(name, Rounding.round4(Math.max(0, Math.min(1, value))), weight);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
