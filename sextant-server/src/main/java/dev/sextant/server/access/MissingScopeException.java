package dev.sextant.server.access;

import dev.sextant.model.Scope;
import dev.sextant.server.web.ForbiddenException;
import java.util.Map;
import java.util.Set;

/** The key is valid but lacks the scope the endpoint declares. */
final class MissingScopeException extends ForbiddenException {
    private static final long serialVersionUID = 1L;

    MissingScopeException(Scope needed, Set<Scope> has) {
        super("this endpoint needs the scope '" + needed.wire() + "'; this API key has " + describe(has),
                Map.of("required_scope", needed.wire(), "key_scopes", wire(has)));
    }

    private static String describe(Set<Scope> scopes) {
        return scopes.isEmpty() ? "no scopes" : String.join(", ", wire(scopes));
    }

    static java.util.List<String> wire(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wire).toList();
    }
}
