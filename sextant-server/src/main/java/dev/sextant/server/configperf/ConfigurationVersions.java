package dev.sextant.server.configperf;

import dev.sextant.model.WorkspaceId;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.ConfigurationVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration with its versions, as the configuration analytics read them: the versions by
 * number, each with its content parsed. Another workspace's configuration is not found.
 */
record ConfigurationVersions(Configuration configuration, List<ConfigurationVersion> versions,
        Map<String, ContentShape> contents) {

    static ConfigurationVersions load(ConfigurationStore store, WorkspaceId workspace, String id) {
        Configuration cfg = store.find(workspace, id).orElseThrow(() -> new NotFoundException("configuration", id));
        return of(cfg, store.versions(workspace, id));
    }

    static ConfigurationVersions of(Configuration cfg, List<ConfigurationVersion> versions) {
        Map<String, ContentShape> contents = new LinkedHashMap<>();
        versions.forEach(v -> contents.put(v.versionId(), ContentShape.of(v.content())));
        return new ConfigurationVersions(cfg, versions, contents);
    }

    /** The default version: the first, what the agent ran before anyone customized it. */
    String defaultVersionId() {
        return ConfigurationVersion.versionId(configuration.id(), 1);
    }
}
