package dev.sextant.analytics.datasets;

import java.util.List;
import java.util.Set;

/**
 * Checks a chat's roles: known roles only (system, user, assistant, tool), a system message only
 * first, the conversation opening with the user, user and assistant turns alternating (tool
 * results may follow an assistant turn), and ending with an assistant turn, which is what a
 * fine-tuning run learns from. Answers the first problem found, or null.
 */
final class RoleOrder {
    private static final Set<String> KNOWN = Set.of("system", "user", "assistant", "tool");

    private RoleOrder() {}

    static String problem(List<String> roles) {
        if (roles.isEmpty()) {
            return "no messages";
        }
        String previous = null;
        boolean seenTurn = false;
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (role == null || !KNOWN.contains(role)) {
                return "message " + i + " has an unknown role";
            }
            if (role.equals("system")) {
                if (i > 0) {
                    return "message " + i + " is a system message after the start";
                }
            } else if (!seenTurn) {
                if (!role.equals("user")) {
                    return "the first turn is " + role + ", not user";
                }
                seenTurn = true;
            } else if (role.equals(previous) && !role.equals("tool")) {
                return "messages " + (i - 1) + " and " + i + " are both " + role;
            } else if (role.equals("tool") && !(previous.equals("assistant") || previous.equals("tool"))) {
                return "message " + i + " is a tool result without an assistant turn before it";
            }
            previous = role;
        }
        if (!"assistant".equals(roles.getLast())) {
            return "the last message is " + roles.getLast() + ", not assistant";
        }
        return null;
    }
}
