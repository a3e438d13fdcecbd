package dev.sextant.analytics.predictions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The features a model sees, one encoding for training and prediction: each category becomes an
 * indicator {@code name=value}; hour of day (0-23) and weekday (1 = Monday ... 7) are categories
 * too, taken from the trace's start in UTC unless given; {@code input_length} (characters) enters as
 * {@code log1p}; a constant {@code bias} indicator keeps an example with nothing known predictable.
 */
public final class PredictionFeatures {
    /** Text features: the trace's and span's fields known before the call. */
    public static final Set<String> CATEGORIES = Set.of("agent_id", "trace_name", "message_type", "intent",
            "config_version", "model", "tool_name");
    /** Whole-number features with their ranges. */
    public static final Map<String, int[]> INTEGERS = Map.of("hour_of_day", new int[] {0, 23}, "weekday",
            new int[] {1, 7}, "input_length", new int[] {0, Integer.MAX_VALUE});

    private PredictionFeatures() {}

    /** Feature names and values, sorted by name (Tribuo's examples want them so). */
    static Encoded encode(Map<String, String> categories, Map<String, Double> numbers, Instant at) {
        return encode(categories, numbers, Set.of(), at);
    }

    /**
     * With indicators (context items, {@code context.<type>=<value>}); every number ({@code input_length}, numeric context items {@code context.<type>}) enters as
     * {@code sign(x) log1p(|x|)}.
     */
    static Encoded encode(Map<String, String> categories, Map<String, Double> numbers, Set<String> indicators,
            Instant at) {
        TreeMap<String, Double> features = new TreeMap<>();
        features.put("bias", 1.0);
        categories.forEach((name, value) -> features.put(name + "=" + value, 1.0));
        indicators.forEach(name -> features.put(name, 1.0));
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        if (!categories.containsKey("hour_of_day")) {
            features.put("hour_of_day=" + utc.getHour(), 1.0);
        }
        if (!categories.containsKey("weekday")) {
            features.put("weekday=" + utc.getDayOfWeek().getValue(), 1.0);
        }
        numbers.forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                features.put(name, Math.signum(value) * Math.log1p(Math.abs(value)));
            }
        });
        List<String> names = new ArrayList<>(features.keySet());
        double[] values = features.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new Encoded(names.toArray(String[]::new), values);
    }

    record Encoded(String[] names, double[] values) {}
}
