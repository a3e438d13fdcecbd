package dev.sextant.server.access;

import dev.sextant.model.Scope;
import dev.sextant.model.Workspace;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.ForbiddenException;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.WorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workspaces. The instance admin is an admin key of the default workspace: only it creates
 * workspaces and sees them all; any other key sees its own.
 */
@RestController
class WorkspaceController {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,64}");
    private static final int MAX_NAME = 200;

    private final WorkspaceStore workspaces;
    private final KeyIssuer keys;

    private final AuditTrail audit;

    WorkspaceController(WorkspaceStore workspaces, KeyIssuer keys, AuditTrail audit) {
        this.workspaces = workspaces;
        this.audit = audit;
        this.keys = keys;
    }

    @GetMapping("/api/v1/workspace")
    @AnyValidKey
    WorkspaceView current(@AuthenticationPrincipal Caller caller) {
        return workspaces.find(caller.workspace()).map(WorkspaceView::of)
                .orElseThrow(() -> new NotFoundException("workspace", caller.workspace().value()));
    }

    @GetMapping("/api/v1/workspaces")
    @AnyValidKey
    Map<String, List<WorkspaceView>> list(@AuthenticationPrincipal Caller caller) {
        if (instanceAdmin(caller)) {
            return Map.of("items", workspaces.list().stream().map(WorkspaceView::of).toList());
        }
        return Map.of("items", workspaces.find(caller.workspace()).map(WorkspaceView::of).stream().toList());
    }

    @PostMapping("/api/v1/workspaces")
    @RequiresScope(Scope.ADMIN)
    ResponseEntity<Created> create(@AuthenticationPrincipal Caller caller, @RequestBody CreateWorkspace body) {
        if (!instanceAdmin(caller)) {
            throw new ForbiddenException("creating workspaces needs an admin key of the default workspace "
                    + "(the instance admin); this key belongs to another workspace", Map.of());
        }
        body.validate();
        Workspace workspace = workspaces.create(WorkspaceIds.next(), body.slug(), body.name().strip());
        IssuedKey admin = keys.issue(workspace.id(), "admin", EnumSet.allOf(Scope.class));
        audit.record(caller, "workspace.create", "workspace", workspace.id().value(), AuditTrail.details("slug", workspace.slug(), "name", workspace.name(), "admin_key_id", admin.key().id()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(WorkspaceView.of(workspace), KeyView.of(admin)));
    }

    private boolean instanceAdmin(Caller caller) {
        return caller.has(Scope.ADMIN) && workspaces.find(caller.workspace())
                .map(w -> w.slug().equals(WorkspaceIds.DEFAULT_SLUG)).orElse(false);
    }

    record WorkspaceView(String id, String slug, String name, Instant createdAt) {
        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(w.id().value(), w.slug(), w.name(), w.createdAt());
        }
    }

    record Created(WorkspaceView workspace, KeyView adminKey) {}

    record CreateWorkspace(String slug, String name) {
        void validate() {
            List<FieldProblem> problems = new ArrayList<>();
            if (slug == null || !SLUG.matcher(slug).matches()) {
                problems.add(FieldProblem.field("slug", "slug must be 1-64 characters of a-z, 0-9 and '-', was "
                        + (slug == null ? "missing" : "'" + slug + "'")));
            }
            if (name == null || name.isBlank()) {
                problems.add(FieldProblem.field("name", "name is required"));
            } else if (name.length() > MAX_NAME) {
                problems.add(FieldProblem.field("name", "name is " + name.length() + " characters, over the limit of " + MAX_NAME));
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }
    }
}
