package dev.sextant.server.configurations;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.server.users.SessionAuthentication;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.ChangeKind;
import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Versioned agent configurations (issue 6 item 1): create, list, read, versions and branches,
 * activation and rollback, and the customization events. Reads need analytics:view (the list
 * also takes an agent's ingest:write key, for the SDK), writes config:write.
 */
@RestController
@RequestMapping("/api/v1/configurations")
class ConfigurationController {
    private final ConfigurationStore store;
    private final ConfigurationChanges changes;
    private final DataVersions versions;
    private final SdkCompatibility compatibility;

    private final AuditTrail audit;

    ConfigurationController(SextantStore store, ConfigurationChanges changes, DataVersions versions,
            SdkCompatibility compatibility, AuditTrail audit) {
        this.store = store.configurations();
        this.audit = audit;
        this.changes = changes;
        this.versions = versions;
        this.compatibility = compatibility;
    }

    @GetMapping
    @RequiresScope({Scope.ANALYTICS_VIEW, Scope.INGEST_WRITE})
    Views.ConfigurationList list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "agent_id");
        String agentId = p.text("agent_id");
        p.done();
        return new Views.ConfigurationList(store.list(caller.workspace(), agentId).stream()
                .map(c -> Views.of(c, null)).toList());
    }

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<Views.ConfigurationView> create(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @RequestBody CreateBody body) {
        QueryParams.none(request.getParameterMap());
        ConfigurationVersion v1 = changes.create(caller.workspace(), body, actor(caller));
        versions.changed(caller.workspace()); // analytics of configurations and customizations change
        Configuration created = changes.configuration(caller.workspace(), v1.configurationId());
        audit.record(caller, "configuration.create", "configuration", v1.configurationId(), AuditTrail.details("version", v1.number()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Views.of(created, view(caller, v1)));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Views.ConfigurationView get(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id) {
        QueryParams.none(request.getParameterMap());
        Configuration cfg = changes.configuration(caller.workspace(), id);
        return Views.of(cfg, store.active(caller.workspace(), id).map(v -> view(caller, v)).orElse(null));
    }

    @GetMapping("/{id}/versions")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Views.VersionList versions(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id) {
        QueryParams.none(request.getParameterMap());
        changes.configuration(caller.workspace(), id);
        return new Views.VersionList(id, store.versions(caller.workspace(), id).stream().map(v -> view(caller, v)).toList());
    }

    @PostMapping("/{id}/versions")
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<Views.VersionView> addVersion(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id, @RequestBody VersionBody body) {
        QueryParams.none(request.getParameterMap());
        ConfigurationVersion added = changes.addVersion(caller.workspace(), id, body, actor(caller));
        audit.record(caller, "configuration.version", "configuration", id, AuditTrail.details("version", added.number()));
        versions.changed(caller.workspace());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(caller, added));
    }

    @GetMapping("/{id}/versions/{version}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Views.VersionView version(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id, @PathVariable int version) {
        QueryParams.none(request.getParameterMap());
        changes.configuration(caller.workspace(), id);
        return view(caller, store.version(caller.workspace(), id, version)
                .orElseThrow(() -> ConfigurationChanges.missingVersion(id, version)));
    }

    @PostMapping("/{id}/versions/{version}/activate")
    @RequiresScope(Scope.CONFIG_WRITE)
    Views.VersionView activate(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id, @PathVariable int version) {
        QueryParams.none(request.getParameterMap());
        ConfigurationVersion active = changes.activate(caller.workspace(), id, version, ChangeKind.ACTIVATE, actor(caller));
        audit.record(caller, "configuration.activate", "configuration", id, AuditTrail.details("version", active.number()));
        versions.changed(caller.workspace());
        return view(caller, active);
    }

    @PostMapping("/{id}/rollback")
    @RequiresScope(Scope.CONFIG_WRITE)
    Views.VersionView rollback(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id, @RequestBody RollbackBody body) {
        QueryParams.none(request.getParameterMap());
        if (body.version() == null || body.version() < 1) {
            throw InvalidRequestException.of(FieldProblem.field("version", "version is required: the number of an"
                    + " earlier version to make active again, was " + body.version()));
        }
        ConfigurationVersion active = changes.activate(caller.workspace(), id, body.version(), ChangeKind.ROLLBACK,
                actor(caller));
        audit.record(caller, "configuration.rollback", "configuration", id, AuditTrail.details("version", active.number()));
        versions.changed(caller.workspace());
        return view(caller, active);
    }

    @GetMapping("/{id}/events")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Views.EventList events(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @PathVariable String id) {
        QueryParams.none(request.getParameterMap());
        changes.configuration(caller.workspace(), id);
        return new Views.EventList(id, store.events(caller.workspace(), id).stream().map(Views::of).toList());
    }

    private Views.VersionView view(Caller caller, ConfigurationVersion v) {
        return Views.of(v, compatibility.of(caller.workspace(), SdkVersion.parse(v.minSdkVersion()), null));
    }

    /** Who made a change, as alerts record who acknowledged: a dashboard user by email, a key by name. */
    static String actor(Caller caller) {
        boolean user = SecurityContextHolder.getContext().getAuthentication() instanceof SessionAuthentication;
        return (user ? "user " : "key ") + caller.keyName() + " (" + caller.keyId() + ")";
    }
}
