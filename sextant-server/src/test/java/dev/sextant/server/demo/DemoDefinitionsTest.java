package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.experiments.Assignment;
import dev.sextant.server.demo.DemoDefinitions.AddVersion;
import dev.sextant.server.demo.DemoDefinitions.ConfigurationChange;
import dev.sextant.server.demo.DemoDefinitions.Create;
import dev.sextant.server.demo.DemoDefinitions.Experiment;
import dev.sextant.server.demo.DemoItems.Item;
import dev.sextant.store.ExperimentSpec.Variant;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Everything the demo's traces refer to is defined, at a time before the traces that use it. */
class DemoDefinitionsTest {
    private final DemoItems demo = DemoItems.standard();
    private final List<ConfigurationChange> changes = DemoDefinitions.configurationChanges(DemoItems.NOW);
    private final List<Experiment> experiments = DemoDefinitions.experiments(DemoItems.NOW);

    /** Version id → when it was written, numbered as the store numbers them (1, 2, 3 per configuration). */
    private Map<String, Instant> versions() {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Instant> written = new HashMap<>();
        for (ConfigurationChange c : changes) {
            if (c instanceof Create || c instanceof AddVersion) {
                int n = counts.merge(c.configurationId(), 1, Integer::sum);
                written.put(c.configurationId() + "-v" + n, c.at());
            }
        }
        return written;
    }

    @Test
    void changesAreInTimeOrderAndThereIsABranch() {
        assertThat(changes).isSortedAccordingTo(java.util.Comparator.comparing(ConfigurationChange::at));
        assertThat(changes.stream().filter(c -> c instanceof Create).map(ConfigurationChange::configurationId))
                .containsExactlyInAnyOrder("support-prompt", "code-assistant", "campaign-flow");
        assertThat(versions()).containsKeys("support-prompt-v1", "support-prompt-v2", "code-assistant-v1",
                "code-assistant-v2", "code-assistant-v3", "campaign-flow-v1", "campaign-flow-v2", "campaign-flow-v3");
        // a branch: a version whose parent is not the newest version at the time
        assertThat(changes.stream().filter(c -> c instanceof AddVersion v && v.parentVersion() != null
                && v.configurationId().equals("campaign-flow") && v.parentVersion() == 1)).hasSize(1);
    }

    @Test
    void everyStampedConfigVersionIsDefinedBeforeItsFirstTrace() {
        Map<String, Instant> written = versions();
        Map<String, Instant> firstUse = demo.ofType("trace").filter(t -> t.text("config_version") != null)
                .collect(Collectors.toMap(t -> t.text("config_version"), t -> t.time("started_at"),
                        (a, b) -> a.isBefore(b) ? a : b));
        assertThat(firstUse.keySet()).containsExactlyInAnyOrder("support-prompt-v1", "support-prompt-v2",
                "code-assistant-v1", "code-assistant-v2", "code-assistant-v3", "campaign-flow-v2");
        firstUse.forEach((version, first) -> assertThat(written.get(version)).as(version).isNotNull().isBefore(first));
    }

    @Test
    void everyStampedExperimentAndVariantIsDefinedAndEachUnitGetsItsAssignedVariant() {
        Map<String, Experiment> byId = experiments.stream().collect(Collectors.toMap(Experiment::id, e -> e));
        List<Item> stamped = demo.ofType("trace").filter(t -> t.text("experiment_id") != null).toList();
        assertThat(stamped.stream().map(t -> t.text("experiment_id")).distinct())
                .containsExactlyInAnyOrder("support-reply-tone", "code-context-strategy");
        for (Item t : stamped) {
            Experiment e = byId.get(t.text("experiment_id"));
            Set<String> variants = e.spec().variants().stream().map(Variant::id).collect(Collectors.toSet());
            assertThat(variants).contains(t.text("variant_id"));
            assertThat(t.time("started_at")).isAfterOrEqualTo(e.started());
            if (e.spec().endsAt() != null) {
                assertThat(t.time("started_at")).isBefore(e.spec().endsAt().plus(java.time.Duration.ofHours(2)));
            }
            String unit = t.text(e.spec().unit().wire());
            Assignment assignment = new Assignment(e.spec().variants().stream()
                    .map(v -> new Assignment.Allocation(v.id(), v.allocation())).toList());
            assertThat(t.text("variant_id")).isEqualTo(assignment.variant(e.id(), unit));
            String version = e.spec().variants().stream().filter(v -> v.id().equals(t.text("variant_id")))
                    .findFirst().orElseThrow().configurationVersion();
            assertThat(t.text("config_version")).isEqualTo(version);
        }
        assertThat(stamped.stream().filter(t -> t.text("experiment_id").equals("support-reply-tone"))
                .map(t -> t.text("variant_id")).distinct()).containsExactlyInAnyOrder("neutral", "empathetic");
        assertThat(stamped.stream().filter(t -> t.text("experiment_id").equals("code-context-strategy"))
                .map(t -> t.text("variant_id")).distinct()).containsExactlyInAnyOrder("open-files", "repo-map");
    }

    @Test
    void experimentVariantsRunDefinedVersionsWrittenBeforeTheyStart() {
        Map<String, Instant> written = versions();
        assertThat(experiments).hasSize(2).allSatisfy(e -> {
            assertThat(e.created()).isBefore(e.started());
            e.spec().variants().forEach(v -> assertThat(written.get(v.configurationVersion())).as(v.configurationVersion())
                    .isNotNull().isBefore(e.created()));
        });
        assertThat(experiments.get(0).concludeAt()).isAfter(experiments.get(0).spec().endsAt());
        assertThat(experiments.get(1).concludeAt()).isNull();
        assertThat(experiments.get(1).started()).isAfter(DemoItems.NOW.minus(java.time.Duration.ofDays(11)));
    }

    @Test
    void llmSpansNameTheirPromptTemplateAndAVersionWrittenBeforeTheSpan() {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Instant> written = new HashMap<>();
        for (DemoDefinitions.PromptChange c : DemoDefinitions.promptChanges(DemoItems.NOW)) {
            written.put(c.templateId() + "@" + counts.merge(c.templateId(), 1, Integer::sum), c.at());
        }
        Map<String, Instant> firstUse = new HashMap<>();
        demo.ofType("span").filter(s -> s.body().has("attributes") && s.body().get("attributes").has("prompt.template_id"))
                .forEach(s -> firstUse.merge(s.body().get("attributes").get("prompt.template_id").asString() + "@"
                        + s.body().get("attributes").get("prompt.version").asInt(), s.time("started_at"),
                        (a, b) -> a.isBefore(b) ? a : b));
        assertThat(firstUse.keySet()).containsExactlyInAnyOrder("support-reply@1", "support-reply@2", "support-summary@1",
                "support-summary@2", "code-generate@1", "code-generate@2");
        firstUse.forEach((v, first) -> assertThat(written.get(v)).as(v).isNotNull().isBefore(first));
        assertThat(demo.ofType("span").filter(s -> s.text("kind").equals("llm") && s.text("name").equals("generate_reply"))
                .allMatch(s -> s.body().get("attributes").has("prompt.template_id"))).isTrue();
    }

    @Test
    void supportReplyV2IsUsedOnlyByTheToneTestsTreatmentBeforeDay16() {
        Instant rollout = DemoCalendar.of(DemoWindow.endingAt(DemoItems.NOW)).supportV2Rollout();
        Map<String, Item> traces = demo.ofType("trace").collect(Collectors.toMap(Item::id, t -> t));
        assertThat(demo.ofType("span").filter(s -> s.body().has("attributes")
                && "support-reply".equals(s.body().get("attributes").path("prompt.template_id").asString(null))
                && s.body().get("attributes").get("prompt.version").asInt() == 2
                && s.time("started_at").isBefore(rollout)))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(traces.get(s.text("trace_id")).text("variant_id")).isEqualTo("empathetic"));
    }
}
