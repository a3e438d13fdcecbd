package dev.sextant.server.learnings;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.TextFields;
import dev.sextant.store.learnings.LearningEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A learning as posted: {@code statement} (required), {@code pattern} (a JSON object or array, as
 * given), optional {@code id}, {@code agent_id}, {@code evidence} and {@code initial_confidence}.
 * Every wrong field is reported at once, with a JSON pointer inside {@code evidence}.
 */
record LearningBody(String id, String agentId, String statement, JsonNode pattern, Evidence evidence,
        Double initialConfidence) {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    /** GET /api/v1/learnings/recommendations is an endpoint, so no learning may be called that. */
    static final String RESERVED_ID = "recommendations";
    static final int MAX_STATEMENT = 2000;
    static final int MAX_TEXT = 256;
    static final int MAX_PATTERN_CHARS = 16_384;

    record Evidence(Double support, Double confidence, Double lift, Long n, String source) {}

    /** The validated parts; the pattern as compact JSON text. */
    record Valid(String id, String agentId, String statement, String pattern, LearningEvidence evidence,
            Double initialConfidence) {}

    Valid validated() {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanId = id(id, problems);
        String agent = TextFields.text("agent_id", agentId, MAX_TEXT, false, problems);
        String said = TextFields.text("statement", statement, MAX_STATEMENT, true, problems);
        String patternText = null;
        if (pattern == null || pattern.isNull()) {
            problems.add(FieldProblem.field("pattern", "pattern is required: a JSON object such as"
                    + " {\"items\": [\"tool=search\"], \"outcome\": \"success\"}"));
        } else if (!pattern.isObject() && !pattern.isArray()) {
            problems.add(FieldProblem.field("pattern", "pattern must be a JSON object or array, was "
                    + pattern.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        } else {
            patternText = pattern.toString();
            if (patternText.length() > MAX_PATTERN_CHARS) {
                problems.add(FieldProblem.field("pattern", "pattern is " + patternText.length()
                        + " characters as JSON, over the limit of " + MAX_PATTERN_CHARS));
            } else if (patternText.contains("\\u0000")) {
                problems.add(FieldProblem.field("pattern", "pattern contains a NUL character (\\u0000), which"
                        + " PostgreSQL cannot store; remove it"));
            }
        }
        unit("initial_confidence", "/initial_confidence", initialConfidence, problems);
        LearningEvidence e = LearningEvidence.NONE;
        if (evidence != null) {
            unit("evidence", "/evidence/support", evidence.support(), problems);
            unit("evidence", "/evidence/confidence", evidence.confidence(), problems);
            if (evidence.lift() != null && !(Double.isFinite(evidence.lift()) && evidence.lift() >= 0)) {
                problems.add(FieldProblem.at("evidence", "/evidence/lift", "evidence.lift must be a number of 0 or"
                        + " more, was " + evidence.lift()));
            }
            if (evidence.n() != null && evidence.n() < 0) {
                problems.add(FieldProblem.at("evidence", "/evidence/n", "evidence.n must be a whole number of 0 or"
                        + " more, was " + evidence.n()));
            }
            List<FieldProblem> sourceProblems = new ArrayList<>();
            String source = TextFields.text("evidence.source", evidence.source(), MAX_TEXT, false, sourceProblems);
            sourceProblems.forEach(p -> problems.add(FieldProblem.at("evidence", "/evidence/source", p.message())));
            if (problems.isEmpty()) {
                e = new LearningEvidence(evidence.support(), evidence.confidence(), evidence.lift(), evidence.n(),
                        source);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Valid(cleanId, agent, said, patternText, e, initialConfidence);
    }

    private static String id(String id, List<FieldProblem> problems) {
        if (id == null) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            problems.add(FieldProblem.field("id", "id must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-',"
                    + " starting with a letter or digit, was '" + Shown.text(id) + "'"));
            return null;
        }
        if (RESERVED_ID.equals(id)) {
            problems.add(FieldProblem.field("id", "id 'recommendations' is reserved (GET /api/v1/learnings/"
                    + "recommendations is an endpoint); choose another"));
            return null;
        }
        return id;
    }

    private static void unit(String field, String pointer, Double v, List<FieldProblem> problems) {
        if (v != null && !(v >= 0 && v <= 1)) {
            String name = pointer.substring(1).replace('/', '.');
            problems.add(pointer.equals("/" + field) ? FieldProblem.field(field, name + " must be between 0 and 1, was " + v)
                    : FieldProblem.at(field, pointer, name + " must be between 0 and 1, was " + v));
        }
    }
}
