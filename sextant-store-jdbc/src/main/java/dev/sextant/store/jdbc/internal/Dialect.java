package dev.sextant.store.jdbc.internal;

import java.util.Map;

/**
 * The few places where DuckDB and PostgreSQL SQL differ. Everything else is one SQL text for
 * both; a new difference gets a method here, never an {@code if} in a query class.
 */
enum Dialect {
    DUCKDB("JSON", "classpath:db/migration", "classpath:db/duckdb") {
        @Override
        String millisBetween(String from, String to) {
            return "((epoch_us(" + to + ") - epoch_us(" + from + ")) // 1000)";
        }

        @Override
        String jsonArrayContains(String column) {
            // JSON arrays cast to a VARCHAR list; the bound value is compared as plain text
            return "list_contains(CAST(" + column + " AS VARCHAR[]), ?)";
        }

        @Override
        String jsonArrayDistinctElements(String column, String alias, String name) {
            return "CROSS JOIN unnest(list_distinct(CAST(" + column + " AS VARCHAR[]))) AS " + alias + "(" + name + ")";
        }

        @Override
        String byteOrder(String column) {
            return column; // DuckDB compares strings byte by byte already
        }

        @Override
        String jsonArrayElements(String column, String alias, String name) {
            return "CROSS JOIN unnest(CAST(" + column + " AS JSON[])) AS " + alias + "(" + name + ")";
        }

        @Override
        String jsonObjectText(String element, String key) {
            return "json_extract_string(" + element + ", '$." + key + "')";
        }

        @Override
        String jsonNumber(String column, String key) {
            return "CASE WHEN json_type(" + column + " -> '" + key + "') IN ('UBIGINT', 'BIGINT', 'HUGEINT', 'DOUBLE')"
                    + " THEN CAST(" + column + " ->> '" + key + "' AS FLOAT8) END";
        }

        @Override
        String jsonBoolean(String column, String key) {
            return "CASE WHEN json_type(" + column + " -> '" + key + "') = 'BOOLEAN'"
                    + " THEN CAST(" + column + " ->> '" + key + "' AS BOOLEAN) END";
        }

        @Override
        String topIntentName(String column) {
            return "(SELECT json_extract_string(e, '$.name') FROM (SELECT unnest(CAST(" + column
                    + " AS JSON[])) AS e) i ORDER BY TRY_CAST(json_extract_string(e, '$.confidence') AS DOUBLE)"
                    + " DESC NULLS LAST, json_extract_string(e, '$.name') DESC LIMIT 1)";
        }

        @Override
        String jsonTextField(String column) {
            return "json_extract_string(" + column + ", ?)";
        }

        @Override
        Object jsonTextFieldKey(String key) {
            // a JSON Pointer (RFC 6901): any key, with ~ and / escaped, and no path syntax to inject
            return "/" + key.replace("~", "~0").replace("/", "~1");
        }
    },
    POSTGRES("JSONB", "classpath:db/migration", "classpath:db/postgres") {
        @Override
        String millisBetween(String from, String to) {
            return "CAST(FLOOR(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) * 1000) AS BIGINT)";
        }

        @Override
        String jsonArrayContains(String column) {
            return "(" + column + " @> jsonb_build_array(CAST(? AS TEXT)))";
        }

        @Override
        String jsonArrayDistinctElements(String column, String alias, String name) {
            return "CROSS JOIN LATERAL (SELECT DISTINCT e.value AS " + name + " FROM jsonb_array_elements_text("
                    + column + ") AS e(value)) " + alias;
        }

        @Override
        String byteOrder(String column) {
            return column + " COLLATE \"C\"";
        }

        @Override
        String jsonArrayElements(String column, String alias, String name) {
            // a JSON scalar (not an array) gives no row instead of an error
            return "CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(" + column + ") = 'array' THEN "
                    + column + " END) AS " + alias + "(" + name + ")";
        }

        @Override
        String jsonObjectText(String element, String key) {
            return "(" + element + " ->> '" + key + "')";
        }

        @Override
        String jsonNumber(String column, String key) {
            return "CASE WHEN jsonb_typeof(" + column + " -> '" + key + "') = 'number'"
                    + " THEN CAST(" + column + " ->> '" + key + "' AS FLOAT8) END";
        }

        @Override
        String jsonBoolean(String column, String key) {
            return "CASE WHEN jsonb_typeof(" + column + " -> '" + key + "') = 'boolean'"
                    + " THEN CAST(" + column + " ->> '" + key + "' AS BOOLEAN) END";
        }

        @Override
        String topIntentName(String column) {
            return "(SELECT e ->> 'name' FROM jsonb_array_elements(" + column + ") AS x(e)"
                    + " ORDER BY CAST(e ->> 'confidence' AS FLOAT8) DESC NULLS LAST, e ->> 'name' DESC LIMIT 1)";
        }

        @Override
        String jsonTextField(String column) {
            return "(" + column + " ->> CAST(? AS TEXT))";
        }

        @Override
        Object jsonTextFieldKey(String key) {
            return key;
        }
    };

    private final String jsonType;
    private final String[] migrationLocations;

    Dialect(String jsonType, String... migrationLocations) {
        this.jsonType = jsonType;
        this.migrationLocations = migrationLocations;
    }

    /**
     * Flyway locations: the shared DDL in db/migration, and this dialect's own versions beside
     * it (not below it: Flyway scans a location's sub-folders too). Versions are numbered in
     * one sequence across both, so a dialect simply has gaps where the other has a version.
     */
    String[] migrationLocations() {
        return migrationLocations.clone();
    }

    /** The column type of JSON documents. */
    String jsonType() {
        return jsonType;
    }

    /** Flyway placeholders that turn the shared DDL into this dialect's DDL. */
    Map<String, String> placeholders() {
        return Map.of("json_type", jsonType);
    }

    /** Whole milliseconds from one timestamp expression to another; null when either is null. */
    abstract String millisBetween(String from, String to);

    /**
     * A text column compared byte by byte, whatever the database's locale: ids sort (and page)
     * the same way on both databases. PostgreSQL would otherwise use the locale's collation.
     */
    abstract String byteOrder(String column);

    /** A predicate with ONE bind parameter: the JSON array column holds that string. */
    abstract String jsonArrayContains(String column);

    /**
     * A join clause giving one row per distinct string of the JSON array column, as
     * {@code alias.name}; a row whose array is null or empty gets no row.
     */
    abstract String jsonArrayDistinctElements(String column, String alias, String name);

    /**
     * A join clause giving one row per element of the JSON array column, as the JSON value
     * {@code alias.name}; a row whose array is null or empty gets no row.
     */
    abstract String jsonArrayElements(String column, String alias, String name);

    /** The text of member {@code key} (a fixed identifier, never user input) of a JSON object expression. */
    abstract String jsonObjectText(String element, String key);

    /**
     * The number under {@code key} (a constant of ours, never user text) of a JSON object
     * column, as FLOAT8; null when it is missing or not a JSON number (a string "12" is not one).
     * Text values need no dialect: {@code column ->> 'key'} is the same on both.
     */
    abstract String jsonNumber(String column, String key);

    /** The boolean under {@code key} of a JSON object column; null when missing or not a JSON boolean. */
    abstract String jsonBoolean(String column, String key);

    /**
     * The name of the intent with the highest confidence in a JSON array of {@code {name, confidence}}
     * (ties: the name that sorts last), null when there is none. No bind parameter.
     */
    abstract String topIntentName(String column);

    /** The text of one top-level field of a JSON object column; ONE bind parameter, {@link #jsonTextFieldKey}. */
    abstract String jsonTextField(String column);

    /** The value to bind for {@link #jsonTextField} to read the field named {@code key}. */
    abstract Object jsonTextFieldKey(String key);
}
