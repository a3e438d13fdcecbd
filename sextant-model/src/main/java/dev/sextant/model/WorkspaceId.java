package dev.sextant.model;

import java.util.regex.Pattern;

/** The tenant boundary. Every store call takes one; there is no query path without it. */
public record WorkspaceId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public WorkspaceId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "workspace id must be 1-64 letters, digits, '_' or '-', was " + value);
        }
    }

    public static WorkspaceId of(String value) {
        return new WorkspaceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
