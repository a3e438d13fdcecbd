package dev.sextant.server.boot;

import dev.sextant.model.Scope;
import dev.sextant.model.Workspace;
import dev.sextant.server.access.IssuedKey;
import dev.sextant.server.access.KeyIssuer;
import dev.sextant.server.access.KeySecret;
import dev.sextant.server.access.WorkspaceIds;
import dev.sextant.store.WorkspaceStore;
import java.util.EnumSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First start: creates the default workspace and its admin key, either the one given in
 * SEXTANT_BOOTSTRAP_KEY or a generated one printed once. Later starts change nothing.
 */
@Component
class Bootstrap {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final WorkspaceStore workspaces;
    private final KeyIssuer keys;
    private final Announcer announcer;
    private final SextantProperties properties;

    Bootstrap(WorkspaceStore workspaces, KeyIssuer keys, Announcer announcer, SextantProperties properties) {
        this.workspaces = workspaces;
        this.keys = keys;
        this.announcer = announcer;
        this.properties = properties;
    }

    /** The default workspace, created with its admin key when no workspace exists yet. */
    Workspace run(String url) {
        Optional<Workspace> existing = workspaces.findBySlug(WorkspaceIds.DEFAULT_SLUG);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!workspaces.list().isEmpty()) {
            throw new IllegalStateException("the database has workspaces but none with slug '" + WorkspaceIds.DEFAULT_SLUG
                    + "'; Sextant needs its default workspace (the instance admin's)");
        }
        Workspace workspace = workspaces.create(WorkspaceIds.next(), WorkspaceIds.DEFAULT_SLUG, "Default");
        EnumSet<Scope> all = EnumSet.allOf(Scope.class);
        if (properties.bootstrapKey() != null) {
            KeySecret given = new KeySecret(properties.bootstrapKey());
            keys.issue(workspace.id(), "bootstrap", all, given);
            log.info("created the default workspace with the admin key from SEXTANT_BOOTSTRAP_KEY ({}...)", given.prefix());
        } else {
            IssuedKey issued = keys.issue(workspace.id(), "admin", all);
            announcer.generatedAdminKey(url, issued.secret());
            log.info("created the default workspace and an admin key ({}...)", issued.secret().prefix());
        }
        return workspace;
    }
}
