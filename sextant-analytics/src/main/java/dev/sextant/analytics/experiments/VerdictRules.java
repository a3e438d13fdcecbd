package dev.sextant.analytics.experiments;

import dev.sextant.analytics.experiments.ExperimentVerdict.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verdict, in this order:
 * <ol>
 *   <li>{@code invalid} when the units per variant do not fit the allocation (SRM), or more than
 *       {@link #MAX_SHARE_IN_SEVERAL_VARIANTS} of the units were seen in several variants (the
 *       assignment or the stamping of traces is broken): nothing else can be trusted;
 *   <li>{@code winner} once every variant has its minimum sample: the treatment whose primary
 *       metric is better and significant by the sequential test after the correction, with no
 *       guardrail violated (the largest relative gain when several are); or the control when every
 *       treatment is significantly worse on the primary metric or violates a guardrail;
 *   <li>{@code no_difference} once every variant has its minimum sample and every treatment's
 *       always-valid interval of the primary metric lies within ± the minimum detectable effect
 *       (as a fraction of the control's value), or when the planned end has passed without a
 *       significant primary difference;
 *   <li>{@code keep_running} otherwise, listing what is missing: units per variant, significance,
 *       time to the planned end.
 * </ol>
 */
final class VerdictRules {
    /** The share of units seen in more than one variant above which the experiment is invalid. */
    static final double MAX_SHARE_IN_SEVERAL_VARIANTS = 0.01;

    private VerdictRules() {
    }

    static ExperimentVerdict decide(ExperimentPlan plan, List<VariantSummary> variants,
            List<MetricComparison> comparisons, SampleRatioMismatch.Result srm, long unitsInSeveralVariants) {
        if (srm.mismatch()) {
            return new ExperimentVerdict(Kind.INVALID, null, List.of("a split that fits the allocation"),
                    String.format(Locale.ROOT, "Do not use these results: the units per variant (%s) do not fit the"
                            + " allocation (%s), chi-square p = %.3g < %s. Check assignment and logging, then restart.",
                            counts(variants), percents(variants), srm.pValue(), SampleRatioMismatch.THRESHOLD));
        }
        long rows = variants.stream().mapToLong(VariantSummary::units).sum();
        long distinct = rows - unitsInSeveralVariants; // at least: a unit in k variants is k rows
        if (unitsInSeveralVariants > MAX_SHARE_IN_SEVERAL_VARIANTS * Math.max(1, distinct)) {
            return new ExperimentVerdict(Kind.INVALID, null, List.of("every unit in one variant only"),
                    String.format(Locale.ROOT, "Do not use these results: %d units were seen in more than one"
                            + " variant (more than %.0f%% of them). Check that every trace of a unit is stamped with"
                            + " the variant its assignment gives, then restart.", unitsInSeveralVariants,
                            MAX_SHARE_IN_SEVERAL_VARIANTS * 100));
        }
        List<String> missing = new ArrayList<>();
        for (VariantSummary v : variants) {
            if (v.units() < plan.minimumSamplePerVariant()) {
                missing.add(String.format(Locale.ROOT, "samples: variant %s has %d of %d units", v.variantId(),
                        v.units(), plan.minimumSamplePerVariant()));
            }
        }
        boolean sampled = missing.isEmpty();
        List<MetricComparison> primaries = comparisons.stream()
                .filter(c -> c.role() == MetricComparison.Role.PRIMARY).toList();
        String control = plan.controlId();
        if (sampled) {
            Optional<MetricComparison> best = primaries.stream()
                    .filter(c -> c.significant() && c.better() && !violated(comparisons, c.treatmentId()))
                    .max(Comparator.comparingDouble(c -> Math.abs(c.difference())));
            if (best.isPresent()) {
                MetricComparison c = best.get();
                return new ExperimentVerdict(Kind.WINNER, c.treatmentId(), List.of(), String.format(Locale.ROOT,
                        "Roll out %s: %s %s against %s for the control %s (%s), always-valid p = %.3g after %s"
                                + " correction, %.0f%% interval of the difference [%.4g, %.4g], %d and %d units;"
                                + " no guardrail got significantly worse.",
                        c.treatmentId(), plan.primary().label(), num(c.treatment()), num(c.control()), control,
                        relative(c), c.correctedPValue(), plan.correction().wire(), (1 - plan.alpha()) * 100,
                        c.sequential().lower(), c.sequential().upper(), c.treatmentUnits(), c.controlUnits()));
            }
            boolean allLose = !primaries.isEmpty() && primaries.stream().allMatch(
                    c -> (c.significant() && !c.better()) || violated(comparisons, c.treatmentId()));
            if (allLose) {
                return new ExperimentVerdict(Kind.WINNER, control, List.of(), String.format(Locale.ROOT,
                        "Keep the control %s: %s.", control, String.join("; ", primaries.stream()
                                .map(c -> loss(comparisons, c, plan)).toList())));
            }
            boolean withinMde = !primaries.isEmpty() && primaries.stream().allMatch(c -> withinMde(c, plan));
            if (withinMde) {
                return new ExperimentVerdict(Kind.NO_DIFFERENCE, null, List.of(), String.format(Locale.ROOT,
                        "No difference worth acting on: %s. Keep the control %s or choose on other grounds.",
                        String.join("; ", primaries.stream().map(c -> interval(c, plan)).toList()), control));
            }
        }
        boolean significant = primaries.stream().anyMatch(MetricComparison::significant);
        if (plan.ended() && !significant) {
            return new ExperimentVerdict(Kind.NO_DIFFERENCE, null, List.of(), String.format(Locale.ROOT,
                    "The experiment ended on %s without a significant difference in %s: %s%s. Keep the control %s.",
                    plan.end(), plan.primary().label(), String.join("; ", primaries.stream()
                            .map(c -> interval(c, plan)).toList()),
                    sampled ? "" : " (and short of the planned sample: " + String.join(", ", missing) + ")", control));
        }
        if (!significant) {
            missing.add("significance: no treatment differs significantly in " + plan.primary().label() + " yet");
        }
        if (plan.end() != null && !plan.ended()) {
            missing.add("time: the experiment is planned to run until " + plan.end());
        } else if (plan.ended()) {
            missing.add("time: the planned end " + plan.end() + " has passed; extend it to reach the sample");
        }
        return new ExperimentVerdict(Kind.KEEP_RUNNING, null, missing, "Keep running: " + String.join("; ", missing)
                + ". Current " + plan.primary().label() + ": " + String.join("; ", primaries.stream()
                        .map(c -> interval(c, plan)).toList()) + ".");
    }

    private static boolean violated(List<MetricComparison> comparisons, String treatment) {
        return comparisons.stream().anyMatch(c -> c.treatmentId().equals(treatment)
                && Boolean.TRUE.equals(c.guardrailViolated()));
    }

    private static boolean withinMde(MetricComparison c, ExperimentPlan plan) {
        SequentialEstimate s = c.sequential();
        if (s.lower() == null || s.upper() == null || c.control() == null) {
            return false;
        }
        double mde = plan.minimumDetectableEffect() * Math.abs(c.control());
        return s.lower() >= -mde && s.upper() <= mde;
    }

    private static String loss(List<MetricComparison> comparisons, MetricComparison c, ExperimentPlan plan) {
        List<String> guards = comparisons.stream().filter(g -> g.treatmentId().equals(c.treatmentId())
                && Boolean.TRUE.equals(g.guardrailViolated())).map(g -> String.format(Locale.ROOT,
                        "%s %s against %s", g.metric().label(), num(g.treatment()), num(g.control()))).toList();
        if (!guards.isEmpty()) {
            return c.treatmentId() + " makes a guardrail significantly worse (" + String.join(", ", guards) + ")";
        }
        return String.format(Locale.ROOT, "%s is significantly worse in %s, %s against %s (%s, always-valid p = %.3g"
                + " after %s correction)", c.treatmentId(), plan.primary().label(), num(c.treatment()),
                num(c.control()), relative(c), c.correctedPValue(), plan.correction().wire());
    }

    private static String interval(MetricComparison c, ExperimentPlan plan) {
        SequentialEstimate s = c.sequential();
        if (s.lower() == null) {
            return String.format(Locale.ROOT, "%s %s against %s (%s)", c.treatmentId(), num(c.treatment()),
                    num(c.control()), s.reason());
        }
        return String.format(Locale.ROOT, "%s %s against %s, difference in [%.4g, %.4g] (minimum effect of"
                + " interest ±%.4g)", c.treatmentId(), num(c.treatment()), num(c.control()), s.lower(), s.upper(),
                c.control() == null ? Double.NaN : plan.minimumDetectableEffect() * Math.abs(c.control()));
    }

    private static String relative(MetricComparison c) {
        return c.relativeDifference() == null ? "no relative change"
                : String.format(Locale.ROOT, "%+.1f%%", c.relativeDifference() * 100);
    }

    private static String num(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String counts(List<VariantSummary> variants) {
        return String.join(", ", variants.stream().map(v -> v.variantId() + " " + v.units()).toList());
    }

    private static String percents(List<VariantSummary> variants) {
        return String.join(", ", variants.stream()
                .map(v -> v.variantId() + " " + v.allocationPercent() + "%").toList());
    }
}
