package dev.sextant.server.configurations;

/**
 * {@code If-None-Match} (RFC 9110 section 13.1.2): {@code *} or a comma-separated list of entity
 * tags, compared weakly (a {@code W/} prefix is ignored).
 */
final class EntityTags {
    private EntityTags() {}

    static boolean matches(String ifNoneMatch, String opaque) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("\"" + opaque + "\"")) {
                return true;
            }
        }
        return false;
    }
}
