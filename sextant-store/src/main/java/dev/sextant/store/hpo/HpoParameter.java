package dev.sextant.store.hpo;

import java.util.List;
import java.util.Objects;

/**
 * One dimension of a search space. Float and int have {@code low < high} (and {@code low > 0} on
 * a log scale); categorical has its {@code values} (strings, numbers or booleans; null
 * elsewhere). The analytics side ({@code dev.sextant.analytics.hpo.SearchSpace}) checks all of it
 * with messages for the caller; this record keeps only what every stored parameter has.
 */
public record HpoParameter(String name, HpoParameterType type, Double low, Double high, boolean log, List<Object> values) {
    public HpoParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = values == null ? null : List.copyOf(values);
    }

    public static HpoParameter floating(String name, double low, double high, boolean log) {
        return new HpoParameter(name, HpoParameterType.FLOAT, low, high, log, null);
    }

    public static HpoParameter integer(String name, long low, long high, boolean log) {
        return new HpoParameter(name, HpoParameterType.INT, (double) low, (double) high, log, null);
    }

    public static HpoParameter categorical(String name, List<Object> values) {
        return new HpoParameter(name, HpoParameterType.CATEGORICAL, null, null, false, values);
    }
}
