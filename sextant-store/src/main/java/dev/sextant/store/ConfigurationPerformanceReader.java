package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/**
 * How each configuration version performed, computed in the database over the traces that
 * carry a {@code config_version} (traces without one are not counted).
 */
public interface ConfigurationPerformanceReader {

    /** Per (agent, version), ordered by agent (null last) then version; with the series when asked. */
    ConfigurationPerformance versions(WorkspaceId workspace, ConfigurationPerformanceQuery query);
}
