package dev.sextant.server.personalization;

import dev.sextant.analytics.personalization.UserAgentTrend;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

/**
 * Where a page of the users list ended: the last pair's interactions, user and agent, in the
 * list's own order (most interactions first, then user, then agent with no agent last). The next
 * page starts after it, so pairs that gain activity between pages are not listed twice in a row.
 */
record UserCursor(long interactions, String userId, String agentId) {
    private static final Comparator<UserCursor> ORDER = Comparator.comparingLong(UserCursor::interactions).reversed()
            .thenComparing(UserCursor::userId)
            .thenComparing(UserCursor::agentId, Comparator.nullsLast(Comparator.naturalOrder()));

    static UserCursor after(UserAgentTrend t) {
        return new UserCursor(t.interactions(), t.userId(), t.agentId());
    }

    boolean isBefore(UserAgentTrend t) {
        return ORDER.compare(this, after(t)) < 0;
    }

    String encode() {
        String text = interactions + "\n" + userId + "\n" + (agentId == null ? "-" : "+" + agentId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of {@code raw}, or null when it is not one {@link #encode()} made. */
    static UserCursor decode(String raw) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3 || parts[1].isEmpty() || !(parts[2].equals("-") || parts[2].startsWith("+"))) {
                return null;
            }
            long interactions = Long.parseLong(parts[0]);
            return interactions < 0 ? null
                    : new UserCursor(interactions, parts[1], parts[2].charAt(0) == '-' ? null : parts[2].substring(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
