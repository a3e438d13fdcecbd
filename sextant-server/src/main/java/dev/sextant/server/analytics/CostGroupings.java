package dev.sextant.server.analytics;

import dev.sextant.store.CostBreakdown.Grouping;
import dev.sextant.store.CostBreakdown.Kind;

/**
 * The {@code by} parameter of the cost breakdown: {@code conversation}, {@code session},
 * {@code user}, {@code tag} (each whole tag), {@code tag:<key>} (tags {@code <key>:<value>},
 * grouped by value) or {@code metadata:<key>} (the metadata field's value as text).
 */
final class CostGroupings {
    static final String VALID = "conversation, session, user, tag, tag:<key> or metadata:<key>";

    private CostGroupings() {
    }

    static Grouping parse(String by, CostParameters problems) {
        switch (by) {
            case "conversation":
                return new Grouping(Kind.CONVERSATION, null);
            case "session":
                return new Grouping(Kind.SESSION, null);
            case "user":
                return new Grouping(Kind.USER, null);
            case "tag":
                return new Grouping(Kind.TAG, null);
            default:
                break;
        }
        int colon = by.indexOf(':');
        String prefix = colon < 0 ? by : by.substring(0, colon);
        String key = colon < 0 ? "" : by.substring(colon + 1);
        if ((prefix.equals("tag") || prefix.equals("metadata")) && !key.isEmpty()) {
            return new Grouping(prefix.equals("tag") ? Kind.TAG : Kind.METADATA, key);
        }
        problems.problem("by", "by must be " + VALID + (colon >= 0 && key.isEmpty() ? " (the key is empty)" : "")
                + ", was '" + by + "'");
        return null;
    }
}
