package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ChangeDiff;
import dev.sextant.store.ChangeKind;
import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.ConflictException;
import dev.sextant.store.CustomizationEvent;
import dev.sextant.store.ImpactLevel;
import dev.sextant.store.NewConfiguration;
import dev.sextant.store.NewVersion;
import dev.sextant.store.ParameterChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Configurations: versions numbered per configuration, exactly one active (also under
 * concurrent activations), branches, rollbacks, events in order, and tenant isolation. The diff
 * here is a stand-in (one change per differing content), enough to see the store write what
 * the diff says inside the change.
 */
public abstract class ConfigurationContract extends StoreContract {
    /** Equal contents: no change; else one change "content" from the old text to the new one. */
    static final ChangeDiff DIFF = (from, to) -> to.equals(from) ? List.of()
            : List.of(new ParameterChange("content", from, to, from == null ? ImpactLevel.LOW : ImpactLevel.HIGH));

    private ConfigurationStore configs() {
        return store().configurations();
    }

    private static NewVersion content(String json, Integer parent) {
        return new NewVersion(json, parent, "m", "key tester", "0.1.0", "{\"valid\":true}");
    }

    private ConfigurationVersion created(WorkspaceId ws, String id, String agent) {
        return configs().create(ws, new NewConfiguration(id, agent, "name " + id, null, "key tester"),
                content("{\"behaviour\":{\"temperature\":0.2}}", null), DIFF);
    }

    @Test
    void aNewConfigurationHasVersionOneActive() {
        WorkspaceId ws = newWorkspace();
        ConfigurationVersion v1 = created(ws, "support", "bot");
        assertThat(v1.versionId()).isEqualTo("support-v1");
        assertThat(v1.active()).isTrue();
        assertThat(v1.parentVersion()).isNull();
        Configuration cfg = configs().find(ws, "support").orElseThrow();
        assertThat(cfg.activeVersion()).isEqualTo(1);
        assertThat(cfg.latestVersion()).isEqualTo(1);
        assertThat(cfg.agentId()).isEqualTo("bot");
        assertThat(cfg.createdBy()).isEqualTo("key tester");
        assertThat(configs().active(ws, "support").orElseThrow().content()).isEqualTo("{\"behaviour\":{\"temperature\":0.2}}");
        List<CustomizationEvent> events = configs().events(ws, "support");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ChangeKind.CREATE);
            assertThat(e.fromVersion()).isNull();
            assertThat(e.toVersion()).isEqualTo("support-v1");
            assertThat(e.parameter()).isEqualTo("content");
            assertThat(e.oldValue()).isNull();
            assertThat(e.validation()).isEqualTo("{\"valid\":true}");
            assertThat(e.createdBy()).isEqualTo("key tester");
        });
    }

    @Test
    void anIdIsTakenOncePerWorkspace() {
        WorkspaceId ws = newWorkspace();
        created(ws, "dup", "bot");
        assertThatThrownBy(() -> created(ws, "dup", "other")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("'dup' already exists");
        assertThat(configs().find(ws, "dup").orElseThrow().agentId()).isEqualTo("bot");
        WorkspaceId other = newWorkspace();
        assertThat(created(other, "dup", "x").versionId()).isEqualTo("dup-v1");
    }

    @Test
    void listingIsOldestFirstAndFiltersByAgent() {
        WorkspaceId ws = newWorkspace();
        created(ws, "b", "bot-1");
        created(ws, "a", "bot-2");
        created(ws, "c", "bot-1");
        assertThat(configs().list(ws, null)).extracting(Configuration::id).containsExactly("b", "a", "c");
        assertThat(configs().list(ws, "bot-1")).extracting(Configuration::id).containsExactly("b", "c");
        assertThat(configs().list(ws, "none")).isEmpty();
    }

    @Test
    void versionsBranchActivateAndRollBack() {
        WorkspaceId ws = newWorkspace();
        created(ws, "flow", "bot");
        ConfigurationVersion v2 = configs().addVersion(ws, "flow", content("{\"a\":2}", null), false, DIFF).orElseThrow();
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.parentVersion()).isEqualTo(1);
        assertThat(v2.active()).isFalse();
        assertThat(configs().active(ws, "flow").orElseThrow().number()).isEqualTo(1);

        ConfigurationVersion v3 = configs().addVersion(ws, "flow", content("{\"a\":3}", 1), true, DIFF).orElseThrow();
        assertThat(v3.versionId()).isEqualTo("flow-v3");
        assertThat(v3.parentVersion()).as("a branch from v1").isEqualTo(1);
        assertThat(v3.active()).isTrue();
        assertThat(configs().versions(ws, "flow")).extracting(ConfigurationVersion::number, ConfigurationVersion::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, false),
                        org.assertj.core.groups.Tuple.tuple(3, true));

        ConfigurationVersion rolled = configs().activate(ws, "flow", 2, ChangeKind.ROLLBACK, "user a@b.c", DIFF).orElseThrow();
        assertThat(rolled.active()).isTrue();
        assertThat(configs().find(ws, "flow").orElseThrow().activeVersion()).isEqualTo(2);
        assertThatThrownBy(() -> configs().activate(ws, "flow", 3, ChangeKind.ROLLBACK, "x", DIFF))
                .isInstanceOf(ConflictException.class).hasMessageContaining("activate it instead");
        assertThat(configs().activate(ws, "flow", 3, ChangeKind.ACTIVATE, "x", DIFF).orElseThrow().active()).isTrue();
        int before = configs().events(ws, "flow").size();
        assertThat(configs().activate(ws, "flow", 3, ChangeKind.ACTIVATE, "x", DIFF)).isPresent();
        assertThat(configs().events(ws, "flow")).as("activating the active version records nothing").hasSize(before);

        List<CustomizationEvent> events = configs().events(ws, "flow");
        assertThat(events).extracting(CustomizationEvent::kind).containsExactly(ChangeKind.CREATE, ChangeKind.VERSION,
                ChangeKind.VERSION, ChangeKind.ACTIVATE, ChangeKind.ROLLBACK, ChangeKind.ACTIVATE);
        assertThat(events).extracting(CustomizationEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events.get(2).fromVersion()).isEqualTo("flow-v1");
        assertThat(events.get(3).fromVersion()).as("activated over v1").isEqualTo("flow-v1");
        assertThat(events.get(4).fromVersion()).isEqualTo("flow-v3");
        assertThat(events.get(4).toVersion()).isEqualTo("flow-v2");
        assertThat(events.get(4).createdBy()).isEqualTo("user a@b.c");
        assertThat(events.get(4).oldValue()).isEqualTo("{\"a\":3}");
        assertThat(events.get(4).newValue()).isEqualTo("{\"a\":2}");
    }

    @Test
    void aVersionLikeItsParentStillLeavesAnEvent() {
        WorkspaceId ws = newWorkspace();
        created(ws, "same", "bot");
        configs().addVersion(ws, "same", content("{\"behaviour\":{\"temperature\":0.2}}", null), false, DIFF);
        CustomizationEvent last = configs().events(ws, "same").getLast();
        assertThat(last.kind()).isEqualTo(ChangeKind.VERSION);
        assertThat(last.parameter()).isNull();
        assertThat(last.impact()).isEqualTo(ImpactLevel.LOW);
    }

    @Test
    void unknownVersionsAndParentsChangeNothing() {
        WorkspaceId ws = newWorkspace();
        created(ws, "u", "bot");
        assertThatThrownBy(() -> configs().addVersion(ws, "u", content("{}", 7), false, DIFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parent_version 7");
        assertThat(configs().find(ws, "u").orElseThrow().latestVersion()).isEqualTo(1);
        assertThat(configs().versions(ws, "u")).hasSize(1);
        assertThat(configs().events(ws, "u")).hasSize(1);
        assertThat(configs().activate(ws, "u", 5, ChangeKind.ACTIVATE, "x", DIFF)).isEmpty();
        assertThat(configs().version(ws, "u", 5)).isEmpty();
        assertThat(configs().addVersion(ws, "missing", content("{}", null), true, DIFF)).isEmpty();
        assertThat(configs().activate(ws, "missing", 1, ChangeKind.ACTIVATE, "x", DIFF)).isEmpty();
    }

    @Test
    void anotherWorkspaceFindsNothingAndChangesNothing() {
        WorkspaceId mine = newWorkspace();
        WorkspaceId other = newWorkspace();
        created(mine, "private", "bot");
        assertThat(configs().find(other, "private")).isEmpty();
        assertThat(configs().list(other, null)).isEmpty();
        assertThat(configs().list(other, "bot")).isEmpty();
        assertThat(configs().versions(other, "private")).isEmpty();
        assertThat(configs().version(other, "private", 1)).isEmpty();
        assertThat(configs().active(other, "private")).isEmpty();
        assertThat(configs().events(other, "private")).isEmpty();
        assertThat(configs().addVersion(other, "private", content("{}", null), true, DIFF)).isEmpty();
        assertThat(configs().activate(other, "private", 1, ChangeKind.ACTIVATE, "x", DIFF)).isEmpty();
        assertThat(configs().find(mine, "private").orElseThrow().latestVersion()).isEqualTo(1);
        assertThat(configs().events(mine, "private")).hasSize(1);
    }

    /** Eight callers activate eight versions at once: one of them is active, events numbered without gaps. */
    @Test
    void concurrentActivationsLeaveExactlyOneActive() throws Exception {
        WorkspaceId ws = newWorkspace();
        created(ws, "race", "bot");
        for (int i = 2; i <= 9; i++) {
            configs().addVersion(ws, "race", content("{\"n\":" + i + "}", null), false, DIFF).orElseThrow();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 2; i <= 9; i++) {
                int n = i;
                calls.add(() -> configs().activate(ws, "race", n, ChangeKind.ACTIVATE, "t" + n, DIFF).isPresent());
            }
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        List<ConfigurationVersion> versions = configs().versions(ws, "race");
        assertThat(versions.stream().filter(ConfigurationVersion::active)).hasSize(1);
        int active = configs().find(ws, "race").orElseThrow().activeVersion();
        assertThat(versions.stream().filter(ConfigurationVersion::active).findFirst().orElseThrow().number()).isEqualTo(active);
        List<CustomizationEvent> events = configs().events(ws, "race");
        assertThat(events).extracting(CustomizationEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        List<CustomizationEvent> activations = events.stream().filter(e -> e.kind() == ChangeKind.ACTIVATE).toList();
        assertThat(activations).hasSize(8);
        for (int i = 1; i < activations.size(); i++) {
            assertThat(activations.get(i).fromVersion()).as("each activation starts where the one before ended")
                    .isEqualTo(activations.get(i - 1).toVersion());
        }
        assertThat(activations.getLast().toVersion()).isEqualTo("race-v" + active);
    }

    /** Workspace-wide events in a window: all configurations, by time; another workspace's never. */
    @Test
    void eventsBetweenListTheWorkspacesEventsInTheWindow() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        Instant before = Instant.now().minus(1, ChronoUnit.HOURS);
        created(ws, "window-a", "bot");
        created(other, "window-a", "bot");
        created(ws, "window-b", "bot");
        configs().addVersion(ws, "window-a", content("{\"behaviour\":{\"temperature\":0.9}}", null), true, DIFF)
                .orElseThrow();
        Instant after = Instant.now().plus(1, ChronoUnit.HOURS);
        List<CustomizationEvent> found = configs().eventsBetween(ws, before, after);
        assertThat(found).extracting(e -> e.configurationId() + ":" + e.kind().wire())
                .containsExactly("window-a:create", "window-b:create", "window-a:version", "window-a:activate");
        assertThat(found.getLast().toVersion()).isEqualTo("window-a-v2");
        assertThat(configs().eventsBetween(ws, after, after.plus(1, ChronoUnit.DAYS))).isEmpty();
        assertThat(configs().eventsBetween(other, before, after)).hasSize(1);
        assertThat(configs().eventsBetween(newWorkspace(), before, after)).isEmpty();
    }
}
