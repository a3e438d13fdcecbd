package dev.sextant.server.export;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.ExportEntity;
import dev.sextant.store.InteractionQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The parameters of an export: {@code entity} and {@code format} (both required), and the
 * interaction list's filters. Every wrong parameter is reported at once, by name.
 */
record ExportRequest(ExportEntity entity, ExportFormat format, InteractionQuery query) {
    private static final Set<String> OWN_PARAMETERS = Set.of("entity", "format");

    static ExportRequest of(Map<String, String[]> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        ExportEntity entity = choice(parameters, "entity", ExportEntity::fromWire, ExportEntity.wireNames(), problems);
        ExportFormat format = choice(parameters, "format", ExportFormat::fromWire, ExportFormat.wireNames(), problems);
        InteractionQuery query = null;
        try {
            query = InteractionFilters.query(parameters, OWN_PARAMETERS);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ExportRequest(entity, format, query);
    }

    private static <T> T choice(Map<String, String[]> parameters, String name, Function<String, Optional<T>> parse,
            String valid, List<FieldProblem> problems) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            problems.add(FieldProblem.parameter(name, name + " is required; one of " + valid));
            return null;
        }
        if (values.length > 1) {
            problems.add(FieldProblem.parameter(name, name + " was given " + values.length + " times; give it once"));
            return null;
        }
        Optional<T> value = parse.apply(values[0]);
        if (value.isEmpty()) {
            problems.add(FieldProblem.parameter(name, name + " must be one of " + valid + ", was '" + values[0] + "'"));
            return null;
        }
        return value.get();
    }

    /** The download's file name, e.g. {@code sextant-traces-20261101T100000Z.csv}. */
    String fileName(java.time.Instant asOf) {
        String stamp = asOf.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("-", "").replace(":", "");
        return "sextant-" + entity.wire() + "-" + stamp + "." + format.wire();
    }
}
