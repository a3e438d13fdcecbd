package dev.sextant.server.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security's view of an authenticated {@link Caller}; the secret is not kept. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final transient Caller caller;

    ApiKeyAuthentication(Caller caller) {
        super(caller.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.wire())).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
