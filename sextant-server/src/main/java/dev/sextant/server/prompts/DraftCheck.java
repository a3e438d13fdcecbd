package dev.sextant.server.prompts;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.store.PromptDraft;
import dev.sextant.store.PromptVariable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a version's text, declared variables and message: every variable the text uses must be
 * declared (each one that is not is a problem); a declared one the text does not use is only a
 * warning. Problems are added to the caller's list, so that a body reports all of them at once.
 */
final class DraftCheck {
    static final int MAX_TEXT = 100_000;
    static final int MAX_VARIABLES = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_DEFAULT = 10_000;
    static final int MAX_MESSAGE = 2000;
    /** At most this many undeclared variables are listed one by one; the rest are counted. */
    static final int MAX_LISTED = 20;
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private DraftCheck() {}

    /** A checked draft (not yet attributed) and its warnings; null draft when there were problems. */
    record Checked(String text, List<PromptVariable> variables, String message, List<String> warnings) {
        PromptDraft by(String author) {
            return new PromptDraft(text, variables, message, author);
        }
    }

    static Checked check(String text, List<VariableBody> variables, String message, List<FieldProblem> problems) {
        int before = problems.size();
        List<PromptVariable> declared = variables(variables, problems);
        Texts.optional("message", message, MAX_MESSAGE, problems);
        PromptText parsed = null;
        if (Texts.required("text", text, MAX_TEXT, "the prompt, e.g. 'Answer {{question}} briefly'", problems)) {
            try {
                parsed = PromptText.parse(text);
            } catch (PromptText.Invalid e) {
                problems.add(FieldProblem.field("text", e.getMessage()));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (parsed != null && declared != null) {
            Set<String> names = new HashSet<>();
            declared.forEach(v -> names.add(v.name()));
            List<String> undeclared = parsed.names().stream().filter(used -> !names.contains(used)).toList();
            for (String used : undeclared.subList(0, Math.min(undeclared.size(), MAX_LISTED))) {
                problems.add(FieldProblem.field("text", "text uses variable '" + Texts.shown(used)
                        + "', which is not declared in variables"));
            }
            if (undeclared.size() > MAX_LISTED) {
                problems.add(FieldProblem.field("text", "text uses " + (undeclared.size() - MAX_LISTED)
                        + " more undeclared variables"));
            }
            for (PromptVariable v : declared) {
                if (!parsed.names().contains(v.name())) {
                    warnings.add("variable '" + v.name() + "' is declared but the text does not use it");
                }
            }
        }
        return problems.size() > before ? null : new Checked(text, declared, blankToNull(message), warnings);
    }

    private static List<PromptVariable> variables(List<VariableBody> variables, List<FieldProblem> problems) {
        if (variables == null) {
            return List.of();
        }
        if (variables.size() > MAX_VARIABLES) {
            problems.add(FieldProblem.field("variables", "at most " + MAX_VARIABLES + " variables, were " + variables.size()));
            return null;
        }
        int before = problems.size();
        List<PromptVariable> declared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < variables.size(); i++) {
            String at = "variables[" + i + "]";
            VariableBody v = variables.get(i);
            if (v == null) {
                problems.add(FieldProblem.field(at, at + " is null; a variable is an object with a name"));
                continue;
            }
            if (v.name() == null) {
                problems.add(FieldProblem.field(at + ".name", at + ".name is required"));
            } else if (!VARIABLE_NAME.matcher(v.name()).matches() || v.name().equals("this")) {
                problems.add(FieldProblem.field(at + ".name", at + ".name must be a letter or _ followed by up to 63"
                        + " letters, digits or _ (and not 'this'), was '" + Texts.shown(v.name()) + "'"));
            } else if (!seen.add(v.name())) {
                problems.add(FieldProblem.field(at + ".name", "variable '" + v.name() + "' is declared twice"));
            }
            Texts.optional(at + ".description", v.description(), MAX_DESCRIPTION, problems);
            Texts.optional(at + ".default", v.defaultValue(), MAX_DEFAULT, problems);
            boolean required = v.required() == null || v.required();
            if (required && v.defaultValue() != null) {
                problems.add(FieldProblem.field(at + ".default", at + " is required, so a default would never be"
                        + " used; set \"required\": false to give it a default"));
            }
            declared.add(new PromptVariable(v.name() == null ? "" : v.name(), blankToNull(v.description()), required,
                    v.defaultValue()));
        }
        return problems.size() > before ? null : declared;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
