package dev.sextant.analytics.training;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Progress, ETA and predicted final loss of a run from its samples so far.
 *
 * <p>Step rate: the samples are ordered by step; each consecutive pair with more steps and a later
 * time gives a rate {@code delta step / delta seconds}; the rate is the median of the last
 * {@link #RATE_WINDOW} such rates (recent, so a resumed or re-provisioned run is followed; the
 * median, so one stall or burst does not swing it). Pairs whose clock goes backwards or stands
 * still are skipped. ETA = time of the last sample + {@code (totalSteps - lastStep) / rate}; a
 * finished run ({@code lastStep >= totalSteps}) has 0 seconds left.
 *
 * <p>The final loss comes from {@link LearningCurveFitter} at {@code totalSteps}, over the samples
 * whose loss is present.
 */
public final class RunProgressEstimator {
    public static final int RATE_WINDOW = 10;

    private RunProgressEstimator() {
    }

    public static RunProgress estimate(List<RunProgressSample> samples, long totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("total steps must be at least 1, was " + totalSteps);
        }
        List<RunProgressSample> sorted = new ArrayList<>(samples);
        for (RunProgressSample s : sorted) {
            if (s.at() == null) {
                throw new IllegalArgumentException("every sample needs a time; step " + s.step() + " has none");
            }
        }
        sorted.sort(Comparator.comparingLong(RunProgressSample::step).thenComparing(RunProgressSample::at));
        long lastStep = sorted.isEmpty() ? 0 : Math.max(0, sorted.getLast().step());
        double done = Math.min(1.0, (double) lastStep / totalSteps);

        List<LearningCurvePoint> points = new ArrayList<>();
        for (RunProgressSample s : sorted) {
            if (!Double.isNaN(s.loss())) {
                points.add(new LearningCurvePoint(s.step(), s.loss()));
            }
        }
        LearningCurve curve = LearningCurveFitter.fit(points, totalSteps);

        if (lastStep >= totalSteps) {
            return new RunProgress(lastStep, totalSteps, done, null, 0.0, sorted.getLast().at(), null, curve);
        }
        double[] rates = recentRates(sorted);
        if (rates.length == 0) {
            return new RunProgress(lastStep, totalSteps, done, null, null, null,
                    "no step rate yet: needs two samples with increasing step and time", curve);
        }
        double rate = new Median().evaluate(rates);
        double remaining = (totalSteps - lastStep) / rate;
        Instant lastAt = sorted.stream().map(RunProgressSample::at).max(Comparator.naturalOrder()).orElseThrow();
        Instant eta = lastAt.plus(Duration.ofNanos(Math.round(Math.min(remaining, 1e9) * 1e9)));
        return new RunProgress(lastStep, totalSteps, done, rate, remaining, eta, null, curve);
    }

    private static double[] recentRates(List<RunProgressSample> sorted) {
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            RunProgressSample p = sorted.get(i - 1);
            RunProgressSample q = sorted.get(i);
            long steps = q.step() - p.step();
            double seconds = Duration.between(p.at(), q.at()).toNanos() / 1e9;
            if (steps > 0 && seconds > 0) {
                rates.add(steps / seconds);
            }
        }
        return rates.subList(Math.max(0, rates.size() - RATE_WINDOW), rates.size()).stream()
                .mapToDouble(Double::doubleValue).toArray();
    }
}
