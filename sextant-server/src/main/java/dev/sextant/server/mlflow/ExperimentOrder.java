package dev.sextant.server.mlflow;

import dev.sextant.store.mlflow.MlflowExperiment;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The order of searched experiments: as asked, then newest first, then by id. */
final class ExperimentOrder {
    private static final Set<String> ATTRIBUTES = Set.of("name", "experiment_id", "creation_time", "last_update_time");

    private ExperimentOrder() {}

    static Comparator<MlflowExperiment> parse(List<String> orderBy) {
        Comparator<MlflowExperiment> order = (a, b) -> 0;
        for (OrderBy o : OrderBy.parse(orderBy, ATTRIBUTES, false)) {
            order = order.thenComparing(o.<MlflowExperiment>comparator(ExperimentOrder::subject));
        }
        return order.thenComparing(MlflowExperiment::createdAt, Comparator.reverseOrder())
                .thenComparing(MlflowExperiment::id);
    }

    private static SearchFilter.Subject subject(MlflowExperiment e) {
        return new SearchFilter.Subject() {
            @Override
            public Object attribute(String key) {
                return switch (key) {
                    case "name" -> e.name();
                    case "experiment_id" -> e.id();
                    case "creation_time" -> e.createdAt().toEpochMilli();
                    case "last_update_time" -> e.updatedAt().toEpochMilli();
                    default -> null;
                };
            }

            @Override
            public String param(String key) {
                return null;
            }

            @Override
            public String tag(String key) {
                return e.tags().get(key);
            }

            @Override
            public Double metric(String key) {
                return null;
            }
        };
    }
}
