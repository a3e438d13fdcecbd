package dev.sextant.analytics;

import dev.sextant.store.MetricWindows.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows a rule is measured over at {@code now}: the current window {@code [now - w, now)};
 * the same window of the week in each of the last weeks (seasonal: a Monday-morning peak is
 * compared with Monday mornings); and the windows right before the current one (recent).
 */
public record AlertWindows(TimeWindow current, List<TimeWindow> seasonal, List<TimeWindow> recent) {
    static final Duration WEEK = Duration.ofDays(7);

    public AlertWindows {
        seasonal = List.copyOf(seasonal);
        recent = List.copyOf(recent);
    }

    public static AlertWindows plan(Instant now, Duration window, int weeks, int recentWindows) {
        TimeWindow current = new TimeWindow(now.minus(window), now);
        List<TimeWindow> seasonal = new ArrayList<>();
        for (int k = 1; k <= weeks; k++) {
            Duration back = WEEK.multipliedBy(k);
            seasonal.add(new TimeWindow(current.from().minus(back), current.to().minus(back)));
        }
        List<TimeWindow> recent = new ArrayList<>();
        for (int j = 1; j <= recentWindows; j++) {
            Duration back = window.multipliedBy(j);
            recent.add(new TimeWindow(current.from().minus(back), current.to().minus(back)));
        }
        return new AlertWindows(current, seasonal, recent);
    }

    /** Current, then seasonal, then recent: the order of one read. */
    public List<TimeWindow> all() {
        List<TimeWindow> all = new ArrayList<>(1 + seasonal.size() + recent.size());
        all.add(current);
        all.addAll(seasonal);
        all.addAll(recent);
        return all;
    }
}
