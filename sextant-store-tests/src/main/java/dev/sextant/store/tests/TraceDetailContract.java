package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.batch;
import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.span;
import static dev.sextant.store.tests.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.WorkspaceBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening one interaction: all its spans in order, its scores, nothing of anyone else. */
public abstract class TraceDetailContract extends StoreContract {

    @Test
    public void spansComeByStartTimeWithUnstartedLastThenById() {
        WorkspaceId ws = newWorkspace();
        write(batch(ws, List.of(trace("t-1", at(0))), List.of(
                span("z-unstarted", "t-1", SpanKind.EVENT, null), span("b", "t-1", SpanKind.TOOL, at(20)),
                span("a", "t-1", SpanKind.TOOL, at(20)), span("c", "t-1", SpanKind.AGENT, at(10)),
                span("y-unstarted", "t-1", SpanKind.EVENT, null), span("other", "t-2", SpanKind.TOOL, at(0)))));

        TraceDetail detail = store().interactions().get(ws, "t-1").orElseThrow();
        assertThat(detail.spans()).extracting(Span::id).containsExactly("c", "a", "b", "y-unstarted", "z-unstarted");
    }

    @Test
    public void scoresOfTheTraceComeWithIt() {
        WorkspaceId ws = newWorkspace();
        Score rating = Fixtures.score("f-1", "t-1", 5);
        Score thumbs = new Score("f-2", "t-1", "s-1", "thumbs", null, "up", null, "api", null, at(10));
        Score elsewhere = Fixtures.score("f-3", "t-2", 1);
        write(new WorkspaceBatch(ws, List.of(trace("t-1", at(0)), trace("t-2", at(0))), List.of(),
                List.of(thumbs, rating, elsewhere), List.of()));

        assertThat(store().interactions().get(ws, "t-1").orElseThrow().scores()).containsExactly(rating, thumbs);
    }

    @Test
    public void anUnknownTraceIsEmpty() {
        WorkspaceId ws = newWorkspace();
        assertThat(store().interactions().get(ws, "nope")).isEmpty();
        assertThat(store().interactions().get(ws, "'; DROP TABLE traces; --")).isEmpty();
    }

    @Test
    public void aTraceOfTenThousandSpansRoundTrips() {
        WorkspaceId ws = newWorkspace();
        int n = 10_000;
        List<Span> spans = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            spans.add(llm(String.format("s-%05d", i), "big", at(i), "gpt-4o", Usage.of(10, 2), "0.001"));
        }
        write(batch(ws, List.of(trace("big", at(0))), spans));

        TraceDetail detail = store().interactions().get(ws, "big").orElseThrow();
        assertThat(detail.spans()).hasSize(n);
        assertThat(detail.spans()).extracting(Span::id).isSorted().first().isEqualTo("s-00000");
        assertThat(detail.spans().getLast().id()).isEqualTo("s-09999");
        assertThat(detail.summary().rollup().spanCount()).isEqualTo(n);
        assertThat(detail.summary().rollup().inputTokens()).isEqualTo(10L * n);
        assertThat(detail.summary().rollup().costUsd()).isEqualByComparingTo("10");
    }
}
