package dev.sextant.server.alerts;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule's window as written on the wire: a whole number and a unit, {@code 30m}, {@code 1h}, {@code 1d}. */
final class WindowText {
    static final Duration MIN = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofDays(7);
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

    private WindowText() {}

    static Duration parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("window must be a whole number and a unit s, m, h or d (e.g. '15m',"
                    + " '1h', '1d'), was '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("window must be between 1m and 7d, was '" + text + "'");
        }
        return d;
    }
}
