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
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Comparator<UserCursor> ORDER = Comparator.comparingLong(UserCursor::interactions).reversed()
            .thenComparing(UserCursor::userId)
            .thenComparing(UserCursor::agentId, Comparator.nullsLast(Comparator.naturalOrder()));

    static UserCursor after(UserAgentTrend t) {
        return new UserCursor(t.interactions(), t.userId(), t.agentId());
    }

    boolean isBefore(UserAgentTrend t) {
        return ORDER.compare(this, after(t)) < 0;
    }

    /** {@code <interactions>.<user>.n} or {@code <interactions>.<user>.a<agent>}, ids in unpadded base64url. */
    String encode() {
        return interactions + "." + B64.encodeToString(userId.getBytes(StandardCharsets.UTF_8)) + "."
                + (agentId == null ? "n" : "a" + B64.encodeToString(agentId.getBytes(StandardCharsets.UTF_8)));
    }

    /** The cursor of {@code raw}, or null when it is not one {@link #encode()} made. */
    static UserCursor decode(String raw) {
        String[] parts = raw.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty() || !(parts[2].equals("n") || parts[2].startsWith("a"))) {
            return null;
        }
        try {
            long interactions = Long.parseLong(parts[0]);
            String user = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            String agent = parts[2].equals("n") ? null
                    : new String(Base64.getUrlDecoder().decode(parts[2].substring(1)), StandardCharsets.UTF_8);
            return interactions < 0 || !B64.encodeToString(user.getBytes(StandardCharsets.UTF_8)).equals(parts[1])
                    ? null : new UserCursor(interactions, user, agent);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
