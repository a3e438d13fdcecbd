package dev.sextant.server.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanDepthsTest {

    @Test
    void depthsFollowParents() {
        var depths = SpanDepths.of(List.of(span("a", null), span("b", "a"), span("c", "b"), span("d", "a")));
        assertThat(depths).containsEntry("a", 0).containsEntry("b", 1).containsEntry("c", 2).containsEntry("d", 1);
    }

    @Test
    void missingParentsAndCyclesCountAsRoots() {
        var depths = SpanDepths.of(List.of(span("orphan", "not-here"), span("x", "y"), span("y", "x")));
        assertThat(depths.get("orphan")).isZero();
        assertThat(depths.values()).hasSize(3).allMatch(d -> d >= 0 && d <= 1);
    }

    @Test
    void aChainOf100000DoesNotOverflowTheStack() {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            spans.add(span("s" + i, i == 0 ? null : "s" + (i - 1)));
        }
        // Children first: the worst order for a naive walk.
        assertThat(SpanDepths.of(spans.reversed())).containsEntry("s99999", 99_999);
    }

    private static Span span(String id, String parent) {
        return new Span(id, "t", parent, SpanKind.CUSTOM, id, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }
}
