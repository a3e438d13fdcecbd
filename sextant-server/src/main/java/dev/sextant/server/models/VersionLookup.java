package dev.sextant.server.models;

import dev.sextant.server.access.Caller;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.models.ModelVersionStore;

/** The caller's version, or 404: also for another workspace's and for an id no version can have. */
final class VersionLookup {
    private final ModelVersionStore versions;

    VersionLookup(ModelVersionStore versions) {
        this.versions = versions;
    }

    ModelVersion find(Caller caller, String id) {
        if (!Texts.ID.matcher(id).matches()) {
            throw new NotFoundException("model version", Texts.shorten(id.replace('\u0000', '?')));
        }
        return versions.find(caller.workspace(), id).orElseThrow(() -> new NotFoundException("model version", id));
    }
}
