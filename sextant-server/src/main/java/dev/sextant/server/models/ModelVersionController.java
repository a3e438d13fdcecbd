package dev.sextant.server.models;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SextantStore;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.models.ModelVersionStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Model versions (issue 7 item 6): register, list per agent, read. */
@RestController
@RequestMapping("/api/v1/model-versions")
class ModelVersionController {
    private final ModelVersionStore versions;
    private final VersionLookup lookup;

    private final AuditTrail audit;

    ModelVersionController(SextantStore store, AuditTrail audit) {
        this.versions = store.modelVersions();
        this.audit = audit;
        this.lookup = new VersionLookup(versions);
    }

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<VersionView> create(@AuthenticationPrincipal Caller caller, @RequestBody VersionBody body) {
        ModelVersion added = versions.add(caller.workspace(), body.validated(caller.workspace(), versions));
        audit.record(caller, "model_version.create", "model_version", added.id(), AuditTrail.details("agent_id", String.valueOf(added.agentId()), "version_label", String.valueOf(added.versionLabel())));
        return ResponseEntity.status(HttpStatus.CREATED).body(VersionView.of(added));
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Versions list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "agent_id");
        String agent = p.text("agent_id");
        p.done();
        return new Versions(versions.list(caller.workspace(), agent).stream().map(VersionView::of).toList());
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    VersionView get(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request) {
        QueryParams.none(request.getParameterMap());
        return VersionView.of(lookup.find(caller, id));
    }

    /** 404 for an agent without versions in the caller's workspace (another workspace's included). */
    static NotFoundException noVersions(String agent) {
        return new NotFoundException("agent", Texts.shorten(agent.replace('\u0000', '?')));
    }

    record Versions(List<VersionView> versions) {}
}
