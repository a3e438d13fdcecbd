package dev.sextant.server.experiments;

import dev.sextant.model.WorkspaceId;
import java.util.regex.Pattern;

/**
 * The stand-in until configurations are stored: a version "exists" when its id has the shape
 * configuration versions are given, {@code {configuration_id}-v{n}} (e.g. {@code support-prompt-v2}).
 */
final class WellFormedConfigurationVersions implements ConfigurationVersions {
    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,118}-v[1-9][0-9]{0,6}");

    @Override
    public boolean exists(WorkspaceId workspace, String versionId) {
        return SHAPE.matcher(versionId).matches();
    }
}
