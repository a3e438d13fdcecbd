package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Versioned agent configurations (issue 6 item 1) and their customization events. Versions are
 * append-only and numbered 1, 2, 3 per configuration; exactly one of them is active, which the
 * configuration row itself records, so two concurrent activations cannot both win. Every change
 * writes its events in the same transaction, computed by the caller's {@link ChangeDiff} from
 * the contents as they are inside that transaction. Another workspace's configuration is not
 * found, exactly like a missing one.
 */
public interface ConfigurationStore {

    /**
     * Creates the configuration with {@code first} as its version 1, active, and its create
     * events. {@link ConflictException} when the workspace already has a configuration of that id.
     */
    ConfigurationVersion create(WorkspaceId workspace, NewConfiguration configuration, NewVersion first, ChangeDiff diff);

    /** The workspace's configurations (of one agent when {@code agentId} is not null), oldest first, then by id. */
    List<Configuration> list(WorkspaceId workspace, String agentId);

    Optional<Configuration> find(WorkspaceId workspace, String configurationId);

    /** Every version of the configuration, by number; empty when there is no such configuration. */
    List<ConfigurationVersion> versions(WorkspaceId workspace, String configurationId);

    Optional<ConfigurationVersion> version(WorkspaceId workspace, String configurationId, int number);

    Optional<ConfigurationVersion> active(WorkspaceId workspace, String configurationId);

    /**
     * Adds the next version (number = the highest so far + 1) with its version events (against its
     * parent, the active version when {@link NewVersion#parentVersion()} is null), and activates it
     * when asked (with activate events against the version active before). Empty when there is no
     * such configuration; {@link IllegalArgumentException} when the parent version does not exist.
     */
    Optional<ConfigurationVersion> addVersion(WorkspaceId workspace, String configurationId, NewVersion version,
            boolean activate, ChangeDiff diff);

    /**
     * Makes version {@code number} the active one, with events of {@code kind} ({@link ChangeKind#ACTIVATE}
     * or {@link ChangeKind#ROLLBACK}) against the version active before. Activating the version
     * that is already active changes nothing and writes no event. A rollback must go to a version
     * numbered below the active one, else {@link ConflictException}. Empty when the configuration
     * or the version does not exist.
     */
    Optional<ConfigurationVersion> activate(WorkspaceId workspace, String configurationId, int number, ChangeKind kind,
            String by, ChangeDiff diff);

    /** The configuration's customization events, in the order they were written. */
    List<CustomizationEvent> events(WorkspaceId workspace, String configurationId);

    /**
     * Every customization event of the workspace written in {@code [from, to)}, of all its
     * configurations: by time, then configuration id, then sequence (what workspace-wide
     * analytics such as business impact and customization patterns read).
     */
    List<CustomizationEvent> eventsBetween(WorkspaceId workspace, Instant from, Instant to);
}
