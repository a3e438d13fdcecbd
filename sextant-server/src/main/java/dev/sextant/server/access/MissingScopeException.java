package dev.sextant.server.access;

import dev.sextant.model.Scope;
import dev.sextant.server.web.ForbiddenException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key is valid but lacks the scope the endpoint declares. An endpoint that takes any of
 * several scopes names them all in {@code required_any_of} instead of {@code required_scope}.
 */
final class MissingScopeException extends ForbiddenException {
    private static final long serialVersionUID = 1L;

    MissingScopeException(List<Scope> anyOf, Set<Scope> has) {
        super(needs(anyOf) + "; this API key has " + describe(has), anyOf.size() == 1
                ? Map.of("required_scope", anyOf.getFirst().wire(), "key_scopes", wire(has))
                : Map.of("required_any_of", anyOf.stream().map(Scope::wire).toList(), "key_scopes", wire(has)));
    }

    private static String needs(List<Scope> anyOf) {
        if (anyOf.size() == 1) {
            return "this endpoint needs the scope '" + anyOf.getFirst().wire() + "'";
        }
        return "this endpoint needs one of the scopes "
                + String.join(", ", anyOf.stream().map(s -> "'" + s.wire() + "'").toList());
    }

    private static String describe(Set<Scope> scopes) {
        return scopes.isEmpty() ? "no scopes" : String.join(", ", wire(scopes));
    }

    static List<String> wire(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wire).toList();
    }
}
