package dev.sextant.server.boot;

import dev.sextant.model.Scope;
import dev.sextant.model.Workspace;
import dev.sextant.server.access.IssuedKey;
import dev.sextant.server.access.KeyIssuer;
import dev.sextant.server.access.KeySecret;
import dev.sextant.server.access.WorkspaceIds;
import dev.sextant.server.users.Passwords;
import dev.sextant.store.Role;
import dev.sextant.store.User;
import dev.sextant.store.UserLogin;
import dev.sextant.store.UserStore;
import dev.sextant.store.WorkspaceStore;
import java.util.EnumSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First start: creates the default workspace and its admin key, either the one given in
 * SEXTANT_BOOTSTRAP_KEY or a generated one printed once, and the first admin user (email and
 * password from SEXTANT_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD, else admin@localhost with a generated
 * password printed once). Later starts change nothing.
 */
@Component
class Bootstrap {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    static final String DEFAULT_ADMIN_EMAIL = "admin@localhost";

    private final WorkspaceStore workspaces;
    private final KeyIssuer keys;
    private final Announcer announcer;
    private final SextantProperties properties;
    private final UserStore users;
    private final Passwords passwords;

    Bootstrap(WorkspaceStore workspaces, KeyIssuer keys, Announcer announcer, SextantProperties properties,
            UserStore users, Passwords passwords) {
        this.users = users;
        this.passwords = passwords;
        this.workspaces = workspaces;
        this.keys = keys;
        this.announcer = announcer;
        this.properties = properties;
    }

    /**
     * The default workspace, created with its admin key when no workspace exists yet; and its
     * first admin user, whenever the default workspace has no member (also on a database from
     * before users existed).
     */
    Workspace run(String url) {
        Workspace workspace = workspace(url);
        if (users.members(workspace.id()).isEmpty()) {
            adminUser(workspace, url);
        }
        return workspace;
    }

    private void adminUser(Workspace workspace, String url) {
        String email = properties.bootstrapAdminEmail() != null ? properties.bootstrapAdminEmail() : DEFAULT_ADMIN_EMAIL;
        String given = properties.bootstrapAdminPassword();
        if (given != null && Passwords.problem(given) != null) {
            throw new IllegalArgumentException("SEXTANT_BOOTSTRAP_ADMIN_PASSWORD (sextant.bootstrap-admin-password) is not usable: "
                    + Passwords.problem(given) + ". Unset it to have a password generated, or fix it.");
        }
        Optional<UserLogin> existing = users.findLogin(email);
        if (existing.isPresent()) {
            users.setRole(workspace.id(), existing.get().user().id(), Role.ADMIN);
            log.info("made the existing user {} admin of the default workspace", email);
            return;
        }
        String password = given != null ? given : Passwords.generate();
        User user = users.createUser(email, "Admin", passwords.hash(password));
        users.setRole(workspace.id(), user.id(), Role.ADMIN);
        if (given == null) {
            announcer.generatedAdminUser(url, email, password);
            log.info("created the admin user {} with a generated password", email);
        } else {
            log.info("created the admin user {} with the password from SEXTANT_BOOTSTRAP_ADMIN_PASSWORD", email);
        }
    }

    private Workspace workspace(String url) {
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
