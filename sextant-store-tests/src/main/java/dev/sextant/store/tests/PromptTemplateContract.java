package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.T0;
import static dev.sextant.store.tests.Fixtures.bareTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.PromptDraft;
import dev.sextant.store.PromptTemplate;
import dev.sextant.store.PromptUsage;
import dev.sextant.store.PromptUsageQuery;
import dev.sextant.store.PromptVariable;
import dev.sextant.store.PromptVersion;
import dev.sextant.store.PromptVersionSummary;
import dev.sextant.store.WorkspaceBatch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prompt templates and versions round-trip, numbering and the production label; usage counted
 * from spans' attributes and traces' metadata, with exact figures worked out by hand below.
 */
public abstract class PromptTemplateContract extends StoreContract {
    private static final PromptDraft FIRST = new PromptDraft("Hello {{name}}{{#tone}}, {{tone}}{{/tone}}",
            List.of(new PromptVariable("name", "who", true, null), new PromptVariable("tone", null, false, "kind")),
            "first", "key ci (key_1)");

    private static PromptTemplate.Spec spec(String id) {
        return new PromptTemplate.Spec(id, "Greeting", "says hello", "support-bot", List.of("greet", "eu"));
    }

    @Test
    public void aTemplateKeepsItsVersionsAndItsProductionLabel() {
        WorkspaceId ws = newWorkspace();
        PromptTemplate created = store().promptTemplates().create(ws, spec("greet"), FIRST);
        assertThat(created.latestVersion()).isEqualTo(1);
        assertThat(created.production()).isEqualTo(1);
        PromptTemplate found = store().promptTemplates().find(ws, "greet").orElseThrow();
        assertThat(found).isEqualTo(created);
        assertThat(found.tags()).containsExactly("greet", "eu");
        assertThat(found.agentId()).isEqualTo("support-bot");

        PromptVersion v2 = store().promptTemplates().addVersion(ws, "greet",
                new PromptDraft("Hi {{name}}", List.of(new PromptVariable("name", null, true, null)), null,
                        "user a@b.example (user_1)")).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store().promptTemplates().addVersion(ws, "greet", FIRST).orElseThrow().version()).isEqualTo(3);
        PromptTemplate three = store().promptTemplates().find(ws, "greet").orElseThrow();
        assertThat(three.latestVersion()).isEqualTo(3);
        assertThat(three.production()).as("no label set: the newest").isEqualTo(3);

        List<PromptVersion> versions = store().promptTemplates().versions(ws, "greet");
        assertThat(versions).extracting(PromptVersion::version).containsExactly(1, 2, 3);
        PromptVersion one = versions.getFirst();
        assertThat(one.text()).isEqualTo(FIRST.text());
        assertThat(one.variables()).isEqualTo(FIRST.variables());
        assertThat(one.message()).isEqualTo("first");
        assertThat(one.createdBy()).isEqualTo("key ci (key_1)");
        assertThat(store().promptTemplates().version(ws, "greet", 2).orElseThrow()).isEqualTo(v2);
        assertThat(store().promptTemplates().version(ws, "greet", 4)).isEmpty();

        assertThat(store().promptTemplates().setProduction(ws, "greet", 2).orElseThrow().production()).isEqualTo(2);
        store().promptTemplates().addVersion(ws, "greet", FIRST);
        assertThat(store().promptTemplates().find(ws, "greet").orElseThrow().production())
                .as("a label set stays where it was put").isEqualTo(2);
        assertThat(store().promptTemplates().setProduction(ws, "greet", null).orElseThrow().production()).isEqualTo(4);
        assertThatThrownBy(() -> store().promptTemplates().setProduction(ws, "greet", 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("prompt template 'greet' has versions 1 to 4, not 5");
        assertThat(store().promptTemplates().setProduction(ws, "missing", 1)).isEmpty();
        assertThat(store().promptTemplates().addVersion(ws, "missing", FIRST)).isEmpty();
    }

    @Test
    public void anIdIsTakenOnceAndAFailedCreateLeavesNothing() {
        WorkspaceId ws = newWorkspace();
        store().promptTemplates().create(ws, spec("dup"), FIRST);
        assertThatThrownBy(() -> store().promptTemplates().create(ws, spec("dup"), FIRST))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'dup' already exists");
        assertThat(store().promptTemplates().versions(ws, "dup")).hasSize(1);
        store().promptTemplates().create(ws, spec("b.2"), FIRST);
        store().promptTemplates().create(ws, spec("a-1"), FIRST);
        assertThat(store().promptTemplates().list(ws)).extracting(PromptTemplate::id).containsExactly("a-1", "b.2", "dup");
        store().promptTemplates().addVersion(ws, "a-1", new PromptDraft("x", List.of(), "second", "key other (key_2)"));
        List<PromptVersionSummary> summaries = store().promptTemplates().versionSummaries(ws);
        assertThat(summaries).extracting(v -> v.templateId() + "@" + v.version())
                .containsExactly("a-1@1", "a-1@2", "b.2@1", "dup@1");
        assertThat(summaries.get(1).createdBy()).isEqualTo("key other (key_2)");
        assertThat(summaries.get(1).message()).isEqualTo("second");
    }

    @Test
    public void anotherWorkspaceSeesNothingOfThisOne() {
        WorkspaceId mine = newWorkspace();
        WorkspaceId other = newWorkspace();
        store().promptTemplates().create(mine, spec("iso"), FIRST);
        write(usageData(mine));
        assertThat(store().promptTemplates().find(other, "iso")).isEmpty();
        assertThat(store().promptTemplates().list(other)).isEmpty();
        assertThat(store().promptTemplates().versions(other, "iso")).isEmpty();
        assertThat(store().promptTemplates().version(other, "iso", 1)).isEmpty();
        assertThat(store().promptTemplates().versionSummaries(other)).isEmpty();
        assertThat(store().promptTemplates().addVersion(other, "iso", FIRST)).isEmpty();
        assertThat(store().promptTemplates().setProduction(other, "iso", 1)).isEmpty();
        assertThat(store().promptUsage().usage(other, new PromptUsageQuery(null, T0, T0.plusSeconds(3600)))).isEmpty();
        // the same id in the other workspace is a different template
        store().promptTemplates().create(other, spec("iso"), FIRST);
        assertThat(store().promptTemplates().versions(mine, "iso")).hasSize(1);
    }

    /**
     * greet: spans a1 (v1), a2 (v"2", error), a3 and a3b (v2, one trace), a4 (OpenInference
     * version "1"), and trace t5 by metadata (v2, error) = 6 uses, 4 successes. Ratings: t1 5;
     * t2 3 and 4; t3 4; t5 2 → template 5 ratings, mean 3.6; v2: 3, 4, 4, 2 → 3.25; v1: 5.
     * other: one span with version "v9" (unknown); t6's metadata names greet but a span of it
     * names a template, so the trace is not a use. Outside the window, and thumbs: not counted.
     */
    @Test
    public void usageCountsSpansAndTracesWithExactFigures() {
        WorkspaceId ws = newWorkspace();
        write(usageData(ws));
        List<PromptUsage> all = store().promptUsage().usage(ws, new PromptUsageQuery(null, T0, T0.plusSeconds(3600)));
        assertThat(all).extracting(PromptUsage::templateId).containsExactly("greet", "other");
        PromptUsage greet = all.getFirst();
        assertThat(greet.uses()).isEqualTo(6);
        assertThat(greet.successes()).isEqualTo(4);
        assertThat(greet.ratings()).isEqualTo(5);
        assertThat(greet.meanRating()).isCloseTo(3.6, within(1e-9));
        assertThat(greet.newest()).isEqualTo(T0.plusSeconds(240));
        assertThat(greet.versions()).extracting(PromptUsage.Version::version).containsExactly(2, 1);
        PromptUsage.Version v2 = greet.versions().get(0);
        assertThat(List.of(v2.uses(), v2.successes(), v2.ratings())).containsExactly(4L, 2L, 4L);
        assertThat(v2.meanRating()).isCloseTo(3.25, within(1e-9));
        PromptUsage.Version v1 = greet.versions().get(1);
        assertThat(List.of(v1.uses(), v1.successes(), v1.ratings())).containsExactly(2L, 2L, 1L);
        assertThat(v1.meanRating()).isCloseTo(5.0, within(1e-9));
        PromptUsage other = all.get(1);
        assertThat(other.uses()).isEqualTo(1);
        assertThat(other.ratings()).isZero();
        assertThat(other.meanRating()).isNull();
        assertThat(other.versions()).containsExactly(new PromptUsage.Version(null, 1, 1, 0, null));

        List<PromptUsage> one = store().promptUsage().usage(ws, new PromptUsageQuery("other", T0, T0.plusSeconds(3600)));
        assertThat(one).containsExactly(other);
        assertThat(store().promptUsage().usage(ws, new PromptUsageQuery("greet", T0.plusSeconds(3600),
                T0.plusSeconds(7200)))).isEmpty();
        List<PromptUsage> late = store().promptUsage().usage(ws, new PromptUsageQuery("greet", T0.minusSeconds(86_400), T0));
        assertThat(late).hasSize(1);
        assertThat(late.getFirst().uses()).isEqualTo(1);
    }

    private static WorkspaceBatch usageData(WorkspaceId ws) {
        List<Trace> traces = List.of(trace("t1", 0, null, null), trace("t2", 1, null, null), trace("t3", 2, null, null),
                trace("t4", 3, null, null), trace("t5", 4, Status.ERROR, "{\"prompt_template_id\": \"greet\", \"prompt_version\": 2}"),
                trace("t6", 5, null, "{\"prompt_template_id\": \"greet\", \"prompt_version\": 1}"),
                trace("t-old", -60, null, null));
        List<Span> spans = List.of(
                span("a1", "t1", 0, Status.OK, "{\"prompt.template_id\": \"greet\", \"prompt.version\": 1}"),
                span("a2", "t2", 1, Status.ERROR, "{\"prompt.template_id\": \"greet\", \"prompt.version\": \"2\"}"),
                span("a3", "t3", 2, Status.OK, "{\"prompt.template_id\": \"greet\", \"prompt.version\": 2}"),
                span("a3b", "t3", 2, null, "{\"prompt.template_id\": \"greet\", \"prompt.version\": 2}"),
                span("a4", "t4", 3, Status.OK, "{\"prompt.template_id\": \"greet\", \"llm.prompt_template.version\": \"1\"}"),
                span("a5", "t5", 4, Status.OK, "{\"temperature\": 0.2}"),
                span("a6", "t6", 5, Status.OK, "{\"prompt.template_id\": \"other\", \"prompt.version\": \"v9\"}"),
                span("a-old", "t-old", -60, Status.OK, "{\"prompt.template_id\": \"greet\", \"prompt.version\": 1}"));
        List<Score> scores = List.of(rating("r1", "t1", 5), rating("r2", "t2", 3), rating("r2b", "t2", 4),
                rating("r3", "t3", 4), rating("r5", "t5", 2), rating("r-old", "t-old", 1),
                new Score("th1", "t1", null, "thumbs", 0.0, null, null, "user", null, T0));
        return new WorkspaceBatch(ws, traces, spans, scores, List.of());
    }

    private static Trace trace(String id, int minute, Status status, String metadata) {
        Instant start = T0.plusSeconds(60L * minute);
        Trace t = bareTrace(id, start, start.plusSeconds(5));
        return new Trace(t.id(), t.agentId(), t.sessionId(), t.conversationId(), t.userId(), t.name(), t.input(),
                t.output(), status == null ? Status.OK : status, t.error(), t.startedAt(), t.endedAt(), t.messageType(),
                t.intents(), t.confidence(), t.handoff(), t.contextSize(), t.configVersion(), t.experimentId(),
                t.variantId(), t.tags(), metadata);
    }

    private static Span span(String id, String traceId, int minute, Status status, String attributes) {
        Instant start = T0.plusSeconds(60L * minute);
        return new Span(id, traceId, null, SpanKind.LLM, "generate", status, null, start, start.plusSeconds(1), null,
                null, null, null, null, null, null, null, null, attributes, null, null);
    }

    private static Score rating(String id, String traceId, double value) {
        return new Score(id, traceId, null, "user_rating", value, null, null, "user", null, T0);
    }
}
