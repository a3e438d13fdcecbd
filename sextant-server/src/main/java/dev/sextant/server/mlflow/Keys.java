package dev.sextant.server.mlflow;

import java.util.regex.Pattern;

/** MLflow's limits on names and values (keys 250 characters, param values 6000, tag values 5000), checked before a write. */
final class Keys {
    static final int MAX_KEY = 250;
    static final int MAX_PARAM_VALUE = 6000;
    static final int MAX_TAG_VALUE = 5000;
    static final int MAX_NAME = 500;
    /** Every run id this API makes is 32 hex digits; a native run's id matches this too. */
    static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private Keys() {}

    /** A metric, param or tag key: 1 to 250 characters, no control characters. */
    static String key(String field, String key) {
        if (key == null || key.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter '" + field + "'");
        }
        if (key.length() > MAX_KEY) {
            throw MlflowException.invalid("'" + field + "' is " + key.length() + " characters, over the limit of " + MAX_KEY);
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw MlflowException.invalid("'" + field + "' '" + shorten(key) + "' contains a control character (U+"
                        + String.format("%04X", (int) key.charAt(i)) + ")");
            }
        }
        return key;
    }

    /** A value of at most {@code max} characters without NUL (which PostgreSQL cannot store); null stays null. */
    static String value(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw MlflowException.invalid("'" + field + "' is " + value.length() + " characters, over the limit of " + max);
        }
        if (value.indexOf('\u0000') >= 0) {
            throw MlflowException.invalid("'" + field + "' contains a NUL character (\\u0000), which cannot be stored");
        }
        return value;
    }

    static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }
}
