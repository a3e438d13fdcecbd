package dev.sextant.server.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When things happen: a Poisson process per hour whose rate follows the working day (hour
 * weights, UTC) and the week (weekends quieter), so the demo's charts have a recognisable rhythm.
 */
final class Arrivals {
    private final double[] hourWeights;
    private final double weekendFactor;

    /**
     * @param hourWeights   24 relative weights, one per hour of the day (UTC)
     * @param weekendFactor the rate on Saturday and Sunday relative to a weekday
     */
    Arrivals(double[] hourWeights, double weekendFactor) {
        if (hourWeights.length != 24) {
            throw new IllegalArgumentException("hourWeights must have 24 entries, had " + hourWeights.length);
        }
        this.hourWeights = hourWeights.clone();
        this.weekendFactor = weekendFactor;
    }

    /** A working-day curve: quiet at night, a morning peak and an afternoon plateau. */
    static double[] officeHours() {
        return new double[] {0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.4, 0.7, 1.0, 1.3, 1.4, 1.35,
            1.1, 1.2, 1.35, 1.3, 1.2, 1.0, 0.8, 0.7, 0.6, 0.45, 0.3, 0.2};
    }

    static boolean weekend(Instant t) {
        DayOfWeek day = t.atZone(ZoneOffset.UTC).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /**
     * Arrival times in [from, to), sorted, with {@code perWeekday} expected arrivals on a weekday.
     * {@code from} should be on the hour; the last partial hour is thinned to its share.
     */
    List<Instant> between(Instant from, Instant to, double perWeekday, DemoRandom random) {
        double weightSum = 0;
        for (double w : hourWeights) {
            weightSum += w;
        }
        List<Instant> times = new ArrayList<>();
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            ZonedDateTime at = hour.atZone(ZoneOffset.UTC);
            double rate = perWeekday * hourWeights[at.getHour()] / weightSum
                    * (weekend(hour) ? weekendFactor : 1.0);
            int count = random.poisson(rate);
            List<Instant> inHour = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Instant t = hour.plusMillis((long) random.uniform(0, 3_600_000));
                if (t.isBefore(to)) {
                    inHour.add(t);
                }
            }
            inHour.sort(null);
            times.addAll(inHour);
        }
        return times;
    }
}
