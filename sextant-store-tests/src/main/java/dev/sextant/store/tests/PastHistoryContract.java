package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ChangeKind;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentSpec.Variant;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentStore;
import dev.sextant.store.ExperimentUnitKind;
import dev.sextant.store.NewConfiguration;
import dev.sextant.store.NewVersion;
import dev.sextant.store.PromptDraft;
import dev.sextant.store.PromptTemplate;
import dev.sextant.store.PromptVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code configurationsAt}, {@code experimentsAt} and {@code promptTemplatesAt}: the roles that record a past history write
 * the times of the clock they are given, and what they write is the same workspace's data the
 * ordinary roles read.
 */
public abstract class PastHistoryContract extends StoreContract {
    private static final Instant MONDAY = Instant.parse("2026-10-05T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-10-06T14:30:00Z");

    @Test
    void configurationChangesCarryTheGivenTimes() {
        WorkspaceId ws = newWorkspace();
        NewVersion v1 = new NewVersion("{\"behaviour\":{\"temperature\":0.3}}", null, "first", "user a@example.com",
                "0.1.0", "{\"valid\":true}");
        store().configurationsAt(Clock.fixed(MONDAY, ZoneOffset.UTC)).create(ws,
                new NewConfiguration("past", "bot", "past", null, "user a@example.com"), v1, ConfigurationContract.DIFF);
        ConfigurationStore tuesday = store().configurationsAt(Clock.fixed(TUESDAY, ZoneOffset.UTC));
        tuesday.addVersion(ws, "past", new NewVersion("{\"behaviour\":{\"temperature\":0.2}}", null, "second",
                "user a@example.com", "0.1.0", "{\"valid\":true}"), true, ConfigurationContract.DIFF).orElseThrow();

        List<ConfigurationVersion> versions = store().configurations().versions(ws, "past");
        assertThat(versions).extracting(ConfigurationVersion::createdAt).containsExactly(MONDAY, TUESDAY);
        assertThat(store().configurations().find(ws, "past").orElseThrow().createdAt()).isEqualTo(MONDAY);
        assertThat(store().configurations().events(ws, "past")).extracting(e -> e.kind(), e -> e.createdAt())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATE, MONDAY),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.VERSION, TUESDAY),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.ACTIVATE, TUESDAY));
        assertThat(store().configurations().find(newWorkspace(), "past")).isEmpty();
    }

    @Test
    void anExperimentIsCreatedStartedAndConcludedAtTheGivenTimes() {
        WorkspaceId ws = newWorkspace();
        ExperimentSpec spec = new ExperimentSpec("tone", null, "bot", ExperimentUnitKind.USER_ID,
                List.of(new Variant("a", "A", "past-v1", 50, true), new Variant("b", "B", "past-v2", 50, false)),
                List.of("handoff_rate"), List.of("cost_per_unit"), 100L, null, null, 0.05, 0.8, ExperimentCorrection.HOLM, false,
                MONDAY, TUESDAY);
        ExperimentStore past = store().experimentsAt(Clock.fixed(MONDAY, ZoneOffset.UTC));
        Experiment added = past.add(ws, "past-exp", spec, ExperimentStatus.DRAFT);
        assertThat(added.createdAt()).isEqualTo(MONDAY);
        past.transition(ws, "past-exp", Set.of(ExperimentStatus.DRAFT), ExperimentStatus.RUNNING, MONDAY).orElseThrow();
        store().experimentsAt(Clock.fixed(TUESDAY, ZoneOffset.UTC)).conclude(ws, "past-exp", "b", "b wins", TUESDAY)
                .orElseThrow();

        Experiment read = store().experiments().find(ws, "past-exp").orElseThrow();
        assertThat(read.createdAt()).isEqualTo(MONDAY);
        assertThat(read.startedAt()).isEqualTo(MONDAY);
        assertThat(read.concludedAt()).isEqualTo(TUESDAY);
        assertThat(read.updatedAt()).isEqualTo(TUESDAY);
        assertThat(read.status()).isEqualTo(ExperimentStatus.CONCLUDED);
        assertThat(store().experiments().find(newWorkspace(), "past-exp")).isEmpty();
    }

    @Test
    void promptTemplateVersionsCarryTheGivenTimes() {
        WorkspaceId ws = newWorkspace();
        store().promptTemplatesAt(Clock.fixed(MONDAY, ZoneOffset.UTC)).create(ws,
                new PromptTemplate.Spec("greet", "Greeting", null, "bot", List.of()),
                new PromptDraft("Hello", List.of(), null, "user a@example.com"));
        store().promptTemplatesAt(Clock.fixed(TUESDAY, ZoneOffset.UTC)).addVersion(ws, "greet",
                new PromptDraft("Hello there", List.of(), "warmer", "user a@example.com")).orElseThrow();

        assertThat(store().promptTemplates().versions(ws, "greet")).extracting(PromptVersion::createdAt)
                .containsExactly(MONDAY, TUESDAY);
        assertThat(store().promptTemplates().find(ws, "greet").orElseThrow().createdAt()).isEqualTo(MONDAY);
        assertThat(store().promptTemplates().find(newWorkspace(), "greet")).isEmpty();
    }
}
