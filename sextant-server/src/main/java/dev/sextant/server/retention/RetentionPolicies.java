package dev.sextant.server.retention;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.RetentionCutoffs;
import dev.sextant.store.RetentionKind;
import dev.sextant.store.RetentionSetting;
import dev.sextant.store.RetentionStore;
import dev.sextant.store.SextantStore;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A workspace's effective periods: what its admin chose, else the server's default. */
@Component
class RetentionPolicies {
    private final RetentionStore store;
    private final RetentionSettings settings;

    RetentionPolicies(SextantStore store, RetentionSettings settings) {
        this.store = store.retention();
        this.settings = settings;
    }

    /** One policy per kind, in the order of {@link RetentionKind}. */
    List<Policy> of(WorkspaceId workspace) {
        Map<RetentionKind, RetentionSetting> chosen = new EnumMap<>(RetentionKind.class);
        for (RetentionSetting s : store.settings(workspace)) {
            chosen.put(s.kind(), s);
        }
        return List.of(RetentionKind.values()).stream().map(kind -> {
            Integer fallback = settings.defaultDays(kind);
            RetentionSetting set = chosen.get(kind);
            return new Policy(kind, set == null ? fallback : set.days(), fallback, set == null);
        }).toList();
    }

    RetentionCutoffs cutoffs(WorkspaceId workspace, Instant now) {
        Map<RetentionKind, Instant> cutoffs = new EnumMap<>(RetentionKind.class);
        for (Policy p : of(workspace)) {
            cutoffs.put(p.kind(), p.days() == null ? null : now.minus(Duration.ofDays(p.days())));
        }
        return new RetentionCutoffs(cutoffs.get(RetentionKind.TRACES), cutoffs.get(RetentionKind.PAYLOADS),
                cutoffs.get(RetentionKind.SCORES), cutoffs.get(RetentionKind.TRAINING_METRICS));
    }

    /** {@code days} in force (null: forever), the server's default, and whether the default is what applies. */
    record Policy(RetentionKind kind, Integer days, Integer defaultDays, boolean isDefault) {}
}
