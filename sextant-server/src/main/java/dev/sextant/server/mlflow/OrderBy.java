package dev.sextant.server.mlflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code order_by} of a search: {@code <entity>.<key> [ASC|DESC]} each; attributes by name (prefix
 * optional), and for runs {@code metrics.<key>} and {@code params.<key>}. Missing values sort last.
 */
record OrderBy(SearchFilter.Entity entity, String key, boolean ascending) {

    static List<OrderBy> parse(List<String> orderBy, Set<String> attributes, boolean metricsAndParams) {
        List<OrderBy> parsed = new ArrayList<>();
        for (String entry : orderBy) {
            String[] parts = entry.strip().split("\\s+");
            if (parts.length == 0 || parts[0].isEmpty() || parts.length > 2) {
                throw invalid(entry, "write '<key> [ASC|DESC]'");
            }
            boolean ascending = true;
            if (parts.length == 2) {
                String direction = parts[1].toUpperCase(Locale.ROOT);
                if (!direction.equals("ASC") && !direction.equals("DESC")) {
                    throw invalid(entry, "the direction must be ASC or DESC");
                }
                ascending = direction.equals("ASC");
            }
            String identifier = parts[0].replace("`", "");
            int dot = identifier.indexOf('.');
            String prefix = dot < 0 ? "" : identifier.substring(0, dot).toLowerCase(Locale.ROOT);
            String key = dot < 0 ? identifier : identifier.substring(dot + 1);
            SearchFilter.Entity entity = switch (prefix) {
                case "", "attribute", "attributes", "attr", "run" -> SearchFilter.Entity.ATTRIBUTE;
                case "metric", "metrics" -> SearchFilter.Entity.METRIC;
                case "param", "params", "parameter", "parameters" -> SearchFilter.Entity.PARAM;
                default -> throw invalid(entry, "order by " + (metricsAndParams ? "metrics., params. or " : "")
                        + "an attribute");
            };
            if (entity == SearchFilter.Entity.ATTRIBUTE && !attributes.contains(key)
                    || entity != SearchFilter.Entity.ATTRIBUTE && !metricsAndParams) {
                throw invalid(entry, "attributes supported: " + String.join(", ", new java.util.TreeSet<>(attributes)));
            }
            parsed.add(new OrderBy(entity, key, ascending));
        }
        return parsed;
    }

    /** This key's order over subjects, missing values last whatever the direction. */
    <T> Comparator<T> comparator(Function<T, SearchFilter.Subject> subject) {
        Function<T, Comparable<?>> value = t -> {
            SearchFilter.Subject s = subject.apply(t);
            Object v = switch (entity) {
                case METRIC -> s.metric(key);
                case PARAM -> s.param(key);
                case TAG -> s.tag(key);
                case ATTRIBUTE -> s.attribute(key);
            };
            return (Comparable<?>) v;
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<Comparable> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<T> order = Comparator.comparing(t -> (Comparable) value.apply(t), Comparator.nullsLast(natural));
        return order;
    }

    private static MlflowException invalid(String entry, String why) {
        return MlflowException.invalid("Invalid order_by clause '" + Keys.shorten(entry) + "': " + why);
    }
}
