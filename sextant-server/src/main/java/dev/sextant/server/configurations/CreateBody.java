package dev.sextant.server.configurations;

import dev.sextant.server.web.FieldProblem;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/configurations}: the configuration's {@code id} (a slug), its
 * {@code agent_id}, {@code name} (default: the id), {@code description}, and version 1's
 * {@code content}, {@code message} and optional {@code sdk_version} to check against.
 */
record CreateBody(String id, String agentId, String name, String description, JsonNode content, String message,
        String sdkVersion) {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    void check(List<FieldProblem> problems) {
        if (id == null) {
            problems.add(FieldProblem.field("id", "id is required: a slug such as 'support-prompt'"));
        } else if (!ID.matcher(id).matches()) {
            problems.add(FieldProblem.field("id", "id must be 1 to 64 characters of a-z, 0-9, '.', '_', '-', starting"
                    + " with a letter or digit, was '" + Texts.shown(id) + "'"));
        }
        Texts.required(problems, "agent_id", agentId, Texts.MAX_NAME);
        Texts.optional(problems, "name", name, Texts.MAX_NAME);
        Texts.optional(problems, "description", description, Texts.MAX_TEXT);
        Texts.optional(problems, "message", message, Texts.MAX_TEXT);
    }
}
