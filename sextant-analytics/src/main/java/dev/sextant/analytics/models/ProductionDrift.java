package dev.sextant.analytics.models;

import dev.sextant.store.models.ReliabilityDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Continuous-learning drift of a deployed version: how its production performance moves against
 * its baseline, the first {@link #BASELINE_DAYS} UTC days from its deployment (the deployment day
 * and the six after it).
 *
 * <p>Per day with traces: the success rate and, when the day has ratings, the mean
 * {@code user_rating}, each also as its difference from the baseline's value. The success-rate
 * trend and the rating trend are least-squares slopes over all those days ({@link Trend}): a rate
 * per week with a 95% interval, and a direction ({@code stable} when the interval covers 0).
 * {@code baseline} and {@code recent} (the last {@link #BASELINE_DAYS} days up to the latest day
 * with traffic) are the totals of those windows; {@code recent} is null while the baseline window
 * has not ended.
 */
public record ProductionDrift(Instant deployedAt, Reliability baseline, Reliability recent, List<Day> days,
        Trend successRateTrend, Trend ratingTrend) {
    public static final int BASELINE_DAYS = 7;

    public ProductionDrift {
        days = List.copyOf(days);
    }

    public record Day(LocalDate day, long traces, double successRate, Double successRateChange, long ratings,
            Double meanRating, Double ratingChange) {}

    /** {@code days}: the version's production days from its deployment on, oldest first. */
    public static ProductionDrift of(Instant deployedAt, List<ReliabilityDay> days) {
        LocalDate first = LocalDate.ofInstant(deployedAt, ZoneOffset.UTC);
        LocalDate baselineEnd = first.plusDays(BASELINE_DAYS);
        List<ReliabilityDay> inBaseline = days.stream().filter(d -> d.day().isBefore(baselineEnd)).toList();
        Reliability baseline = Reliability.of(inBaseline);
        Reliability recent = null;
        if (!days.isEmpty() && !days.getLast().day().isBefore(baselineEnd)) {
            LocalDate from = days.getLast().day().minusDays(BASELINE_DAYS - 1);
            recent = Reliability.of(days.stream().filter(d -> !d.day().isBefore(from)).toList());
        }
        List<Day> out = new ArrayList<>();
        List<double[]> success = new ArrayList<>();
        List<double[]> rating = new ArrayList<>();
        for (ReliabilityDay d : days) {
            if (d.traces() == 0) {
                continue;
            }
            double x = ChronoUnit.DAYS.between(first, d.day());
            double rate = d.successes() / (double) d.traces();
            success.add(new double[] {x, rate});
            if (d.meanRating() != null) {
                rating.add(new double[] {x, d.meanRating()});
            }
            out.add(new Day(d.day(), d.traces(), rate,
                    baseline.successRate() == null ? null : rate - baseline.successRate(), d.ratings(), d.meanRating(),
                    d.meanRating() == null || baseline.meanRating() == null ? null : d.meanRating() - baseline.meanRating()));
        }
        return new ProductionDrift(deployedAt, baseline, recent, out, trend(success), trend(rating));
    }

    private static Trend trend(List<double[]> points) {
        return Trend.of(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
    }
}
