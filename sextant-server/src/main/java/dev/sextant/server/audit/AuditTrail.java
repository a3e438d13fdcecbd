package dev.sextant.server.audit;

import dev.sextant.server.access.Caller;
import dev.sextant.server.users.SessionAuthentication;
import dev.sextant.store.SextantStore;
import dev.sextant.store.audit.AuditActorKind;
import dev.sextant.store.audit.AuditLogStore;
import dev.sextant.store.audit.NewAuditEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an administrative or configuration action in the audit log: one call, after the action
 * succeeded, in the same request. Who (the key or the signed-in user, never a secret) and from
 * where (remote address, user agent, request id) come from the current request.
 *
 * <p>The write is synchronous and not swallowed: if it fails the request answers 500, so an
 * action is never acknowledged without its record. The action itself is already done by then
 * (it lives in another table, written by another role); the entry is logged at ERROR with all
 * its fields so the server log holds it.
 */
@Component
public class AuditTrail {
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int MAX_USER_AGENT = 512;
    private static final int MAX_REQUEST_ID = 128;
    /** The actor id of entries the server records on its own ({@link #recordSystem}). */
    public static final String SYSTEM_ACTOR = "system";

    private final AuditLogStore store;
    private final JsonMapper json;

    AuditTrail(SextantStore store, JsonMapper json) {
        this.store = store.auditLog();
        this.json = json;
    }

    /**
     * Records {@code action} (e.g. {@code api_key.create}) by {@code caller} on {@code targetType}
     * {@code targetId}; {@code details} says what changed (values only, never secrets).
     */
    public void record(Caller caller, String action, String targetType, String targetId, Map<String, ?> details) {
        HttpServletRequest request = currentRequest();
        boolean session = SecurityContextHolder.getContext().getAuthentication() instanceof SessionAuthentication;
        NewAuditEntry entry = new NewAuditEntry(session ? AuditActorKind.USER_SESSION : AuditActorKind.API_KEY,
                caller.keyId(), caller.keyName(), action, targetType, targetId,
                json.writeValueAsString(details == null ? Map.of() : new TreeMap<>(details)),
                request == null ? null : request.getRemoteAddr(),
                request == null ? null : cut(request.getHeader("User-Agent"), MAX_USER_AGENT), requestId(request));
        try {
            store.append(caller.workspace(), entry);
        } catch (RuntimeException e) {
            LOG.error("audit entry not stored (the request answers 500): workspace={} entry={}",
                    caller.workspace().value(), entry, e);
            throw e;
        }
    }

    /**
     * Records {@code action} done by the server itself, outside any request (a scheduled job):
     * actor kind {@code system}, actor id {@code system}, actor name {@code job}; no address, user
     * agent or request id. A failed write is logged at ERROR with the entry and rethrown.
     */
    public void recordSystem(dev.sextant.model.WorkspaceId workspace, String job, String action, String targetType,
            String targetId, Map<String, ?> details) {
        NewAuditEntry entry = new NewAuditEntry(AuditActorKind.SYSTEM, SYSTEM_ACTOR, job, action, targetType, targetId,
                json.writeValueAsString(details == null ? Map.of() : new TreeMap<>(details)), null, null, null);
        try {
            store.append(workspace, entry);
        } catch (RuntimeException e) {
            LOG.error("audit entry not stored: workspace={} entry={}", workspace.value(), entry, e);
            throw e;
        }
    }

    /**
     * Details from key, value pairs, where a value may be null (a label cleared, an optional field
     * absent): {@code Map.of} refuses nulls, and an audit entry must not fail an action for one.
     */
    public static Map<String, Object> details(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("details take key, value pairs");
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }

    /** The client's {@code X-Request-Id} when it sent one, else one this request got from {@link RequestIdFilter}. */
    private static String requestId(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        return id == null ? null : cut(id.toString(), MAX_REQUEST_ID);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
