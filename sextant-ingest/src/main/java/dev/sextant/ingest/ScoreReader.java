package dev.sextant.ingest;

import dev.sextant.model.Score;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A {@code score} item's body → {@link Score}. {@code value} is a number (numeric score), a
 * string (categorical, e.g. "good") or a boolean (thumbs: 1 or 0); {@code string_value} may
 * carry the categorical value beside a number.
 */
final class ScoreReader {
    static final String SOURCES = "user, api, eval, auto";
    private static final Set<String> SOURCE_SET = Set.of("user", "api", "eval", "auto");

    private ScoreReader() {}

    static Score read(FieldReader f, Instant receivedAt) {
        String id = f.id("id", true);
        String traceId = f.id("trace_id", true);
        String name = f.name("name");
        if (name == null && f.value("name") == null) {
            f.problems().add("name is missing");
        }
        Double value = null;
        String stringValue = f.name("string_value");
        JsonNode raw = f.value("value");
        if (raw != null && raw.isNumber()) {
            value = raw.doubleValue();
            if (!Double.isFinite(value)) {
                f.problems().add("value must be a finite number, was " + FieldReader.describe(raw));
                value = null;
            }
        } else if (raw != null && raw.isBoolean()) {
            value = raw.booleanValue() ? 1.0 : 0.0;
        } else if (raw != null && raw.isString()) {
            stringValue = f.name("value");
        } else if (raw != null) {
            f.problems().add("value must be a number, a string or a boolean, was " + FieldReader.describe(raw));
        } else if (stringValue == null && f.value("string_value") == null) {
            f.problems().add("value is missing: send a number (e.g. 5) or a string (e.g. \"good\")");
        }
        String source = f.oneOf("source", s -> Optional.of(s).filter(SOURCE_SET::contains), SOURCES);
        Instant createdAt = f.time("created_at");
        Score score = new Score(id, traceId, f.id("span_id", false), name, value, stringValue,
                f.text("comment"), source, f.id("user_id", false),
                createdAt != null || f.value("created_at") != null ? createdAt : receivedAt);
        return f.problems().any() ? null : score;
    }
}
