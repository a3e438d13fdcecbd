package dev.sextant.sdk;

import java.util.Map;

/**
 * An agent configuration's active version as {@link Sextant#configuration} last saw it:
 * {@code versionId} (what {@link TraceBuilder#configuration} stamps on traces), {@code version},
 * and {@code content} as plain Java values (maps, lists, strings, numbers, booleans). When the
 * server could not be asked, {@code error} says why and the content is the last good one
 * ({@link Source#LAST_GOOD}) or empty ({@link Source#NONE}, {@code versionId} null).
 */
public record AgentConfiguration(String configurationId, String versionId, Integer version,
        Map<String, Object> content, Source source, String error) {

    /** Where this value came from. */
    public enum Source {
        /** read from the server just now */
        SERVER,
        /** the server confirmed (304) that the cached version is still active */
        REVALIDATED,
        /** taken from the cache without asking, within the TTL */
        CACHE,
        /** the server failed; this is the last version read successfully */
        LAST_GOOD,
        /** the server failed and no version was ever read: empty content */
        NONE
    }

    public AgentConfiguration {
        content = content == null ? Map.of() : content;
    }

    /** Whether a version is known (read now or before). */
    public boolean known() {
        return versionId != null;
    }

    /** The value at a dotted path such as {@code behaviour.temperature}; null when absent. */
    public Object value(String path) {
        Object at = content;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }

    /** The number at {@code path}, or {@code otherwise} when absent or not a number. */
    public double number(String path, double otherwise) {
        return value(path) instanceof Number n ? n.doubleValue() : otherwise;
    }

    /** The text at {@code path}, or {@code otherwise} when absent or not a string. */
    public String text(String path, String otherwise) {
        return value(path) instanceof String s ? s : otherwise;
    }

    /** A prompt template's text ({@code prompt_templates.<name>}), or {@code otherwise}. */
    public String promptTemplate(String name, String otherwise) {
        Object templates = content.get("prompt_templates");
        return templates instanceof Map<?, ?> map && map.get(name) instanceof String s ? s : otherwise;
    }

    AgentConfiguration from(Source newSource, String newError) {
        return new AgentConfiguration(configurationId, versionId, version, content, newSource, newError);
    }

    static AgentConfiguration none(String configurationId, String error) {
        return new AgentConfiguration(configurationId, null, null, Map.of(), Source.NONE, error);
    }
}
