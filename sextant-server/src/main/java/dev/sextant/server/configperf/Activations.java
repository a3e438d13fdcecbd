package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.ChangeEvent;
import dev.sextant.store.ChangeKind;
import dev.sextant.store.CustomizationEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes that went live, from the customization events: one per activation or rollback (the
 * store writes one event per parameter, all with the same configuration, kind, versions and time;
 * they are one change), identified {@code <configuration id>@<its first event's sequence>}.
 * Creating a configuration and adding a version without activating it change nothing that runs.
 */
final class Activations {
    private Activations() {}

    /** One change that went live, with where it came from. */
    record Activation(ChangeEvent event, String configurationId, String kind) {}

    /** {@code agents}: configuration id to its agent; events of other configurations are left out. */
    static List<Activation> of(List<CustomizationEvent> events, Map<String, String> agents) {
        Map<String, Activation> found = new LinkedHashMap<>();
        for (CustomizationEvent e : events) {
            if ((e.kind() != ChangeKind.ACTIVATE && e.kind() != ChangeKind.ROLLBACK) || e.fromVersion() == null
                    || !agents.containsKey(e.configurationId())) {
                continue;
            }
            String key = e.configurationId() + "\n" + e.kind() + "\n" + e.fromVersion() + "\n" + e.toVersion() + "\n"
                    + e.createdAt();
            found.computeIfAbsent(key, k -> new Activation(new ChangeEvent(e.configurationId() + "@" + e.sequence(),
                    e.createdAt(), agents.get(e.configurationId()), e.fromVersion(), e.toVersion(), null),
                    e.configurationId(), e.kind().wire()));
        }
        return new ArrayList<>(found.values());
    }
}
