package dev.sextant.server.predictions;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.SextantStore;
import dev.sextant.store.context.ContextObservation;
import dev.sextant.store.context.ContextQuery;
import dev.sextant.store.context.ContextStore;
import dev.sextant.store.predictions.TrainingRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The context an interaction ran in (issue 8 item 1) as features of its rows: each categorical
 * value an indicator {@code context.<type>=<value>}, each numeric type a number
 * {@code context.<type>}. Read page by page over the rows' time span from the context store.
 */
@Component
class ContextFeatures {
    static final String PREFIX = "context.";

    private final ContextStore context;

    ContextFeatures(SextantStore store) {
        this.context = store.context();
    }

    List<TrainingRow> added(WorkspaceId workspace, List<TrainingRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Set<String> traces = new HashSet<>();
        Instant from = rows.getFirst().at();
        Instant to = from;
        for (TrainingRow row : rows) {
            traces.add(row.traceId());
            from = row.at().isBefore(from) ? row.at() : from;
            to = row.at().isAfter(to) ? row.at() : to;
        }
        Map<String, ContextObservation> byTrace = new HashMap<>();
        ContextQuery query = new ContextQuery(from, to.plusMillis(1), null, null, ContextQuery.MAX_LIMIT);
        while (true) {
            List<ContextObservation> page = context.observations(workspace, query);
            for (ContextObservation o : page) {
                if (traces.contains(o.traceId()) && (!o.values().isEmpty() || !o.numbers().isEmpty())) {
                    byTrace.put(o.traceId(), o);
                }
            }
            if (page.size() < ContextQuery.MAX_LIMIT) {
                break;
            }
            query = query.after(page.getLast().traceId());
        }
        if (byTrace.isEmpty()) {
            return rows;
        }
        List<TrainingRow> enriched = new ArrayList<>(rows.size());
        for (TrainingRow row : rows) {
            ContextObservation o = byTrace.get(row.traceId());
            enriched.add(o == null ? row : row.with(indicators(o.values()), numbers(o.numbers())));
        }
        return enriched;
    }

    static Set<String> indicators(Map<String, List<String>> values) {
        Set<String> indicators = new HashSet<>();
        values.forEach((type, list) -> list.forEach(v -> indicators.add(PREFIX + type + "=" + v)));
        return indicators;
    }

    static Map<String, Double> numbers(Map<String, Double> numbers) {
        Map<String, Double> out = new HashMap<>();
        numbers.forEach((type, value) -> out.put(PREFIX + type, value));
        return out;
    }
}
