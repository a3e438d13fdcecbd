package dev.sextant.server.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reuses analytics answers until the workspace's data changes (issue 4 item 13). A cached
 * answer is keyed by workspace, path and the sorted query; it is served while the workspace's
 * {@link DataVersions data version} is the one it was computed at (or it is younger than the
 * grace period) and it is younger than the TTL. Every answer it handles says so in its body:
 * {@code "cached": true|false} and {@code "computed_at"}, plus the header {@code Sextant-Cache:
 * hit|miss}. Only callers holding {@code analytics:view} are served from the cache (every cached
 * path requires it), so a key without the scope still reaches the controller and its 403.
 */
public final class AnswerCache extends OncePerRequestFilter {
    static final String HEADER = "Sextant-Cache";

    private final AnswerCacheSettings settings;
    private final DataVersions versions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Cache<Key, Answer> answers;

    public AnswerCache(AnswerCacheSettings settings, DataVersions versions, Clock clock) {
        this.settings = settings;
        this.versions = versions;
        this.clock = clock;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((Key k, Answer a) -> a.body.length + k.uri.length() + k.query.length() + 64)
                .expireAfterWrite(settings.ttl())
                .build();
    }

    record Key(WorkspaceId workspace, String uri, String query) {}

    record Answer(byte[] body, String contentType, long version, Instant computedAt) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!settings.enabled() || !"GET".equals(request.getMethod())) {
            return true;
        }
        String uri = request.getRequestURI();
        return settings.paths().stream().noneMatch(uri::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = caller();
        if (caller == null || !caller.scopes().contains(Scope.ANALYTICS_VIEW)) {
            chain.doFilter(request, response);
            return;
        }
        Key key = new Key(caller.workspace(), request.getRequestURI(), canonicalQuery(request.getParameterMap()));
        long version = versions.current(caller.workspace());
        Instant now = clock.instant();
        Answer cached = answers.getIfPresent(key);
        if (cached != null && (cached.version == version
                || Duration.between(cached.computedAt, now).compareTo(settings.grace()) < 0)) {
            write(response, cached, true, now);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        byte[] body = wrapper.getContentAsByteArray();
        String type = wrapper.getContentType();
        if (wrapper.getStatus() != 200 || type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type))
                || body.length > settings.maxAnswer().toBytes()) {
            wrapper.copyBodyToResponse();
            return;
        }
        Answer fresh = new Answer(body, type, version, now);
        byte[] marked = mark(body, false, now);
        if (marked == null) {
            wrapper.copyBodyToResponse();
            return;
        }
        answers.put(key, fresh);
        wrapper.resetBuffer();
        response.setHeader(HEADER, "miss");
        response.setContentLength(marked.length);
        response.getOutputStream().write(marked);
    }

    private void write(HttpServletResponse response, Answer answer, boolean hit, Instant now) throws IOException {
        byte[] body = mark(answer.body, hit, answer.computedAt);
        response.setStatus(200);
        response.setContentType(answer.contentType);
        response.setHeader(HEADER, hit ? "hit" : "miss");
        response.setHeader("Age", Long.toString(Math.max(0, Duration.between(answer.computedAt, now).toSeconds())));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The answer with {@code cached} and {@code computed_at} added; null when it is not a JSON object. */
    private byte[] mark(byte[] body, boolean hit, Instant computedAt) {
        try {
            JsonNode tree = json.readTree(body);
            if (!(tree instanceof ObjectNode object)) {
                return null;
            }
            object.put("cached", hit);
            object.put("computed_at", computedAt.toString());
            return json.writeValueAsString(object).getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Caller caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller c ? c : null;
    }

    /** Parameters sorted by name, each name's values in their order: the same question, the same key. */
    static String canonicalQuery(Map<String, String[]> parameters) {
        StringBuilder q = new StringBuilder();
        new TreeMap<>(parameters).forEach((name, values) -> q.append(name).append('=')
                .append(String.join("\u0000", Arrays.asList(values))).append('\u0001'));
        return q.toString();
    }
}
