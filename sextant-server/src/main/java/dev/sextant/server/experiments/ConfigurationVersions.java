package dev.sextant.server.experiments;

import dev.sextant.model.WorkspaceId;

/**
 * The seam between experiments and configurations: whether a variant's
 * {@code configuration_version} names a version that exists in the workspace
 * ({@link StoredConfigurationVersions} asks the configurations store).
 */
public interface ConfigurationVersions {

    /** True when the workspace has this configuration version (another workspace's is not). */
    boolean exists(WorkspaceId workspace, String versionId);
}
