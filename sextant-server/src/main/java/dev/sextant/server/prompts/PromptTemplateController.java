package dev.sextant.server.prompts;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.server.prompts.PromptViews.AddedVersion;
import dev.sextant.server.prompts.PromptViews.Created;
import dev.sextant.server.prompts.PromptViews.Detail;
import dev.sextant.server.prompts.PromptViews.Rendered;
import dev.sextant.server.prompts.PromptViews.TemplateView;
import dev.sextant.server.prompts.PromptViews.VersionView;
import dev.sextant.server.users.SessionAuthentication;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.PromptTemplate;
import dev.sextant.store.PromptTemplateStore;
import dev.sextant.store.PromptVersion;
import dev.sextant.store.SextantStore;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Prompt templates (issue 6 item 3): create, list, read; versions (immutable, numbered 1, 2, ...);
 * the {@code production} label; rendering a version with variables. Reading one template or
 * version and rendering also take an {@code ingest:write} key: what an agent holds.
 */
@RestController
@RequestMapping("/api/v1/prompt-templates")
class PromptTemplateController {
    private final PromptTemplateStore templates;
    private final DataVersions dataVersions;

    private final AuditTrail audit;

    PromptTemplateController(SextantStore store, DataVersions dataVersions, AuditTrail audit) {
        this.templates = store.promptTemplates();
        this.audit = audit;
        this.dataVersions = dataVersions;
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Templates list(@AuthenticationPrincipal Caller caller) {
        return new Templates(templates.list(caller.workspace()).stream().map(TemplateView::of).toList());
    }

    record Templates(List<TemplateView> templates) {}

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<Created> create(@AuthenticationPrincipal Caller caller, @RequestBody TemplateBody body) {
        TemplateBody.Valid valid = body.validated();
        PromptTemplate created = templates.create(caller.workspace(), valid.spec(), valid.first().by(author(caller)));
        audit.record(caller, "prompt.create", "prompt_template", created.id(), AuditTrail.details("version", 1));
        dataVersions.changed(caller.workspace()); // cached analytics answers list templates
        PromptVersion first = templates.version(caller.workspace(), created.id(), 1).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(Created.of(created, first, valid.first().warnings()));
    }

    @GetMapping("/{id}")
    @RequiresScope({Scope.ANALYTICS_VIEW, Scope.INGEST_WRITE})
    ResponseEntity<Detail> get(@AuthenticationPrincipal Caller caller, @PathVariable String id, WebRequest request) {
        PromptTemplate t = find(caller, id);
        // changes with every new version and label move (both touch updated_at): If-None-Match answers 304
        String etag = "\"" + t.latestVersion() + "-" + t.production() + "-" + t.updatedAt().getEpochSecond() + "."
                + t.updatedAt().getNano() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(Detail.of(t, templates.versions(caller.workspace(), id)));
    }

    @GetMapping("/{id}/versions")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Versions versions(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        PromptTemplate t = find(caller, id);
        return new Versions(id, templates.versions(caller.workspace(), id).stream().map(v -> VersionView.of(v, t)).toList());
    }

    record Versions(String templateId, List<VersionView> versions) {}

    @PostMapping("/{id}/versions")
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<AddedVersion> addVersion(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestBody VersionBody body) {
        DraftCheck.Checked checked = body.validated();
        PromptVersion added = templates.addVersion(caller.workspace(), id, checked.by(author(caller)))
                .orElseThrow(() -> new NotFoundException("prompt template", id));
        audit.record(caller, "prompt.version", "prompt_template", id, AuditTrail.details("version", added.version()));
        dataVersions.changed(caller.workspace());
        PromptTemplate t = find(caller, id);
        return ResponseEntity.status(HttpStatus.CREATED).body(AddedVersion.of(VersionView.of(added, t), checked.warnings()));
    }

    @GetMapping("/{id}/versions/{version}")
    @RequiresScope({Scope.ANALYTICS_VIEW, Scope.INGEST_WRITE})
    VersionView version(@AuthenticationPrincipal Caller caller, @PathVariable String id, @PathVariable String version) {
        PromptTemplate t = find(caller, id);
        Integer n = version.matches("[1-9][0-9]{0,8}") ? Integer.valueOf(version) : null;
        PromptVersion v = n == null ? null : templates.version(caller.workspace(), id, n).orElse(null);
        if (v == null) {
            throw new NotFoundException("prompt template version", id + "/" + Texts.shown(version));
        }
        return VersionView.of(v, t);
    }

    /** Points the production label at a version, or with {@code "version": null} back at the newest. */
    @PutMapping("/{id}/labels/production")
    @RequiresScope(Scope.CONFIG_WRITE)
    TemplateView label(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody LabelBody body) {
        PromptTemplate t = find(caller, id);
        checkVersion(t, body.version());
        PromptTemplate labelled = templates.setProduction(caller.workspace(), id, body.version())
                .orElseThrow(() -> new NotFoundException("prompt template", id));
        audit.record(caller, "prompt.label", "prompt_template", id, AuditTrail.details("label", "production", "before", t.production(), "after", body.version()));
        dataVersions.changed(caller.workspace());
        return TemplateView.of(labelled);
    }

    @PostMapping("/{id}/render")
    @RequiresScope({Scope.ANALYTICS_VIEW, Scope.INGEST_WRITE})
    Rendered render(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody RenderBody body) {
        PromptTemplate t = find(caller, id);
        checkVersion(t, body.version());
        int n = body.version() == null ? t.production() : body.version();
        PromptVersion v = templates.version(caller.workspace(), id, n)
                .orElseThrow(() -> new NotFoundException("prompt template", id));
        try {
            return new Rendered(id, n, PromptText.parse(v.text()).render(body.values(v)));
        } catch (PromptText.TooLong e) {
            throw InvalidRequestException.of(FieldProblem.field("variables", e.getMessage()));
        }
    }

    private static void checkVersion(PromptTemplate t, Integer version) {
        if (version != null && (version < 1 || version > t.latestVersion())) {
            throw InvalidRequestException.of(FieldProblem.field("version", "prompt template '" + t.id()
                    + "' has versions 1 to " + t.latestVersion() + ", not " + version));
        }
    }

    private PromptTemplate find(Caller caller, String id) {
        return templates.find(caller.workspace(), id)
                .orElseThrow(() -> new NotFoundException("prompt template", Texts.shown(id)));
    }

    /** Who made a version: a dashboard login acts as its user, a key as the key (as alerts' acknowledged_by). */
    static String author(Caller caller) {
        boolean user = SecurityContextHolder.getContext().getAuthentication() instanceof SessionAuthentication;
        return (user ? "user " : "key ") + caller.keyName() + " (" + caller.keyId() + ")";
    }
}
