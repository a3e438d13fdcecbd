package dev.sextant.server.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.Status;
import dev.sextant.server.web.InvalidRequestException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InteractionFiltersTest {

    @Test
    void everyFilterIsRead() {
        var q = InteractionFilters.query(Map.of("agent_id", new String[] {"bot"}, "handoff", new String[] {"true"},
                "status", new String[] {"error"}, "from", new String[] {"2026-11-01T12:00:00+02:00"},
                "min_confidence", new String[] {"0.5"}), true);
        assertThat(q.agentId()).isEqualTo("bot");
        assertThat(q.handoff()).isTrue();
        assertThat(q.status()).isEqualTo(Status.ERROR);
        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(q.minConfidence()).isEqualTo(0.5);
    }

    @Test
    void repeatedAndEmptyParametersAreRefused() {
        assertThatThrownBy(() -> InteractionFilters.query(Map.of("tag", new String[] {"a", "b"}), true))
                .isInstanceOf(InvalidRequestException.class).hasMessage("tag was given 2 times; give it once");
        assertThatThrownBy(() -> InteractionFilters.query(Map.of("model", new String[] {""}), true))
                .hasMessage("model is empty; leave it out to not filter on it");
    }

    @Test
    void pagingDefaults() {
        var page = InteractionFilters.page(Map.of());
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.pageSize()).isEqualTo(50);
        assertThat(page.cursor()).isNull();
    }
}
