package dev.sextant.server.prompts;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.PromptVariable;
import dev.sextant.store.PromptVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What to render: {@code version} (default: the one labelled production) and {@code variables},
 * an object of name → string, number or boolean. A missing required variable and a name the
 * version does not declare are each a problem; an optional one not given takes its default, or
 * renders as nothing.
 */
record RenderBody(Integer version, Map<String, JsonNode> variables) {

    /** The values to render {@code v} with; every problem reported at once. */
    Map<String, String> values(PromptVersion v) {
        Map<String, JsonNode> given = variables == null ? Map.of() : variables;
        List<FieldProblem> problems = new ArrayList<>();
        if (given.size() > DraftCheck.MAX_VARIABLES) {
            throw InvalidRequestException.of(FieldProblem.field("variables", "at most " + DraftCheck.MAX_VARIABLES
                    + " variables, were " + given.size()));
        }
        Map<String, PromptVariable> declared = new LinkedHashMap<>();
        v.variables().forEach(d -> declared.put(d.name(), d));
        for (String name : new TreeSet<>(given.keySet())) {
            if (!declared.containsKey(name)) {
                problems.add(FieldProblem.field("variables." + Texts.shown(name), "variable '" + Texts.shown(name)
                        + "' is not declared by version " + v.version() + "; declared: " + names(declared.keySet())));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (PromptVariable d : declared.values()) {
            JsonNode value = given.get(d.name());
            String field = "variables." + d.name();
            if (value == null || value.isNull()) {
                if (d.required()) {
                    problems.add(FieldProblem.field(field, "variable '" + d.name() + "' is required by version "
                            + v.version() + " and was not given"));
                } else {
                    values.put(d.name(), d.defaultValue() == null ? "" : d.defaultValue());
                }
            } else if (value.isString() || value.isNumber() || value.isBoolean()) {
                String text = value.isString() ? value.asString() : value.toString();
                if (Texts.optional(field, text, PromptText.MAX_RENDERED, problems)) {
                    values.put(d.name(), text);
                }
            } else {
                problems.add(FieldProblem.field(field, "variable '" + d.name() + "' must be a string, a number or a"
                        + " boolean, was " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return values;
    }

    private static String names(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
