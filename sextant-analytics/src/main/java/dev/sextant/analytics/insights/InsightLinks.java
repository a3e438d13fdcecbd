package dev.sextant.analytics.insights;

import dev.sextant.store.InsightPeriods;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API reads that show a finding, as paths with their query: the interaction list (the
 * dashboard's filter) over the current period, and the analytics read (trend over both periods,
 * tool ranking, error patterns) that has the figure. Values are URL-encoded.
 */
final class InsightLinks {
    private final InsightPeriods periods;
    private final Map<String, String> links = new LinkedHashMap<>();

    private InsightLinks(InsightPeriods periods) {
        this.periods = periods;
    }

    static InsightLinks of(InsightPeriods periods) {
        return new InsightLinks(periods);
    }

    /** {@code /api/v1/interactions?...&from=current from&to=current to}; pairs of name, value (null values left out). */
    InsightLinks interactions(String... filters) {
        links.put("interactions", path("/api/v1/interactions", current(filters)));
        return this;
    }

    /** A trend of the metric over both periods, by hour when the periods are shorter than two days, else by day. */
    InsightLinks trend(String metric, String groupBy, String... filters) {
        String interval = Duration.between(periods.currentFrom(), periods.currentTo()).compareTo(Duration.ofDays(2)) < 0
                ? "hour" : "day";
        String[] all = concat(new String[] {"metric", metric, "interval", interval, "group_by", groupBy}, filters);
        links.put("trend", path("/api/v1/analytics/trends", both(all)));
        return this;
    }

    /** Another analytics read over the current period (tools, errors, agents, stats). */
    InsightLinks analytics(String path, String... filters) {
        links.put("analytics", path(path, current(filters)));
        return this;
    }

    Map<String, String> build() {
        return links;
    }

    private String[] current(String[] filters) {
        return concat(filters, new String[] {"from", periods.currentFrom().toString(), "to", periods.currentTo().toString()});
    }

    private String[] both(String[] filters) {
        return concat(filters, new String[] {"from", periods.baselineFrom().toString(), "to", periods.currentTo().toString()});
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String path(String path, String[] pairs) {
        StringBuilder s = new StringBuilder(path);
        char sep = '?';
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                s.append(sep).append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return s.toString();
    }
}
