package dev.sextant.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.CodeGenerationStats;
import dev.sextant.store.CodeGenerationStats.Distribution;
import dev.sextant.store.CodeGenerationStats.Figures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeViewTest {
    private static final Distribution NONE = new Distribution(0, null, null, null);
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    private static CodeView view(long generations, long accepted, long rejected, long modified, long unmodified) {
        Figures f = new Figures(null, generations, accepted, rejected, modified, unmodified, NONE, NONE, NONE, NONE,
                NONE);
        return CodeView.of(new CodeGenerationStats(f, List.of(), List.of(), null), NOW);
    }

    @Test
    void eachMissingPieceIsNamedWithItsCounts() {
        assertThat(view(0, 0, 0, 0, 0).insufficientData()).contains("0 generations");
        assertThat(view(5, 0, 0, 0, 0).insufficientData()).contains("none of the 5 generations");
        CodeView unsaid = view(5, 3, 1, 0, 0);
        assertThat(unsaid.insufficientData()).contains("none of the 3 accepted generations has a 'modified' score");
        assertThat(unsaid.overall().modificationRate()).isNull();
        assertThat(unsaid.overall().acceptanceRate()).isEqualTo(0.75);
        assertThat(view(5, 3, 0, 0, 0).insufficientData()).isNotNull();
        assertThat(view(5, 3, 1, 1, 1).insufficientData()).isNull();
        assertThat(view(5, 0, 2, 0, 0).insufficientData()).isNull();
        assertThat(view(0, 0, 0, 0, 0).dataAsOf()).isEqualTo(NOW);
    }
}
