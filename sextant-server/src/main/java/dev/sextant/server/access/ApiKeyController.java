package dev.sextant.server.access;

import dev.sextant.model.Scope;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's workspace's API keys: list, create (secret shown once), revoke. */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {
    static final int MAX_NAME = 200;

    private final KeyIssuer keys;

    private final AuditTrail audit;

    ApiKeyController(KeyIssuer keys, AuditTrail audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @GetMapping
    @RequiresScope(Scope.ADMIN)
    Map<String, List<KeyView>> list(@AuthenticationPrincipal Caller caller) {
        return Map.of("items", keys.list(caller.workspace()).stream().map(KeyView::of).toList());
    }

    @PostMapping
    @RequiresScope(Scope.ADMIN)
    ResponseEntity<KeyView> create(@AuthenticationPrincipal Caller caller, @RequestBody CreateKey body) {
        NewKey key = body.validated();
        IssuedKey issued = keys.issue(caller.workspace(), key.name(), key.scopes());
        audit.record(caller, "api_key.create", "api_key", issued.key().id(), AuditTrail.details("name", key.name(), "scopes", key.scopes().stream().map(Scope::wire).sorted().toList()));
        return ResponseEntity.status(HttpStatus.CREATED).body(KeyView.of(issued));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scope.ADMIN)
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!keys.revoke(caller.workspace(), id)) {
            throw new NotFoundException("API key", id);
        }
        audit.record(caller, "api_key.revoke", "api_key", id, AuditTrail.details());
        return ResponseEntity.noContent().build();
    }

    record CreateKey(String name, List<String> scopes) {
        NewKey validated() {
            List<FieldProblem> problems = new ArrayList<>();
            if (name == null || name.isBlank()) {
                problems.add(FieldProblem.field("name", "name is required (a label for the key, e.g. 'ci')"));
            } else if (name.length() > MAX_NAME) {
                problems.add(FieldProblem.field("name", "name is " + name.length() + " characters, over the limit of " + MAX_NAME));
            }
            EnumSet<Scope> parsed = EnumSet.noneOf(Scope.class);
            if (scopes == null || scopes.isEmpty()) {
                problems.add(FieldProblem.field("scopes", "scopes is required: a non-empty list of " + valid()));
            } else {
                for (String wire : scopes) {
                    Scope.fromWire(wire).ifPresentOrElse(parsed::add, () -> problems.add(
                            FieldProblem.field("scopes", "unknown scope '" + wire + "'; valid scopes: " + valid())));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            return new NewKey(name.strip(), parsed);
        }

        private static String valid() {
            return String.join(", ", Arrays.stream(Scope.values()).map(Scope::wire).toList());
        }
    }

    record NewKey(String name, EnumSet<Scope> scopes) {}
}
