package dev.sextant.server.experiments;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConfigurationStore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration versions as the configurations store has them: {@code {configuration_id}-v{n}}
 * exists when the workspace's configuration {@code configuration_id} has a version {@code n}
 * (another workspace's does not).
 */
final class StoredConfigurationVersions implements ConfigurationVersions {
    /** A configuration id (as the configurations API allows it), then {@code -v} and the version number. */
    static final Pattern SHAPE = Pattern.compile("([a-z0-9][a-z0-9._-]{0,63})-v([1-9][0-9]{0,8})");

    private final ConfigurationStore configurations;

    StoredConfigurationVersions(ConfigurationStore configurations) {
        this.configurations = configurations;
    }

    @Override
    public boolean exists(WorkspaceId workspace, String versionId) {
        Matcher m = SHAPE.matcher(versionId);
        return m.matches() && configurations.version(workspace, m.group(1), Integer.parseInt(m.group(2))).isPresent();
    }
}
