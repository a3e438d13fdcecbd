package dev.sextant.server.configperf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.ChangeKind;
import dev.sextant.store.CustomizationEvent;
import dev.sextant.store.ImpactLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationsTest {
    private static final Instant T1 = Instant.parse("2026-11-10T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-12T10:00:00Z");

    private static CustomizationEvent event(String cfg, long seq, ChangeKind kind, String from, String to, String p,
            Instant at) {
        return new CustomizationEvent(cfg, seq, kind, from, to, p, null, null, ImpactLevel.LOW, "{}", "key k (key_1)", at);
    }

    @Test
    void oneChangePerActivationOrRollbackNotPerParameter() {
        List<CustomizationEvent> events = List.of(
                event("c", 1, ChangeKind.CREATE, null, "c-v1", "behaviour.a", T1),
                event("c", 2, ChangeKind.VERSION, "c-v1", "c-v2", "behaviour.a", T1),
                event("c", 3, ChangeKind.ACTIVATE, "c-v1", "c-v2", "behaviour.a", T1),
                event("c", 4, ChangeKind.ACTIVATE, "c-v1", "c-v2", "behaviour.b", T1),
                event("c", 5, ChangeKind.ROLLBACK, "c-v2", "c-v1", null, T2),
                event("elsewhere", 1, ChangeKind.ACTIVATE, "e-v1", "e-v2", "x", T2));
        List<Activations.Activation> found = Activations.of(events, Map.of("c", "bot"));
        assertThat(found).extracting(a -> a.event().id() + " " + a.kind() + " " + a.event().fromVersion() + ">"
                + a.event().toVersion() + " " + a.event().agentId())
                .containsExactly("c@3 activate c-v1>c-v2 bot", "c@5 rollback c-v2>c-v1 bot");
        assertThat(found.getFirst().event().at()).isEqualTo(T1);
        assertThat(found.getFirst().event().workCostUsd()).isNull();
    }
}
