package dev.sextant.store;

import java.util.Map;

/**
 * One user's behaviour over a range, as counts and means so that the caller decides how to
 * weigh them. Lengths are in characters over the interactions that have the text (null when none
 * has); {@code messageTypes} counts interactions per message type, with no type under
 * {@link #NO_MESSAGE_TYPE}; the four hour counts split interactions by their UTC start hour:
 * night 0-6, morning 6-12, afternoon 12-18, evening 18-24.
 */
public record UserBehaviour(String userId, long interactions, Double meanInputChars, Double meanOutputChars,
        Map<String, Long> messageTypes, Double meanRating, long ratings, long night, long morning, long afternoon,
        long evening, long distinctAgents, long handoffs) {
    public static final String NO_MESSAGE_TYPE = "none";

    public UserBehaviour {
        messageTypes = Map.copyOf(messageTypes);
    }

    /** {@code count} as a share of this user's interactions. */
    public double share(long count) {
        return interactions == 0 ? 0 : (double) count / interactions;
    }
}
