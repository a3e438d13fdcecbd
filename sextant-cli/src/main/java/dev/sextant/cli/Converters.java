package dev.sextant.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Option converters: each checks a value where it is read, with the server's own limits, so a
 * mistake is reported before anything is sent. picocli prefixes the message with the option.
 */
final class Converters {
    static final int MAX_ID = 256;
    static final int MAX_NAME = 1024;
    static final int MAX_TEXT = 1024 * 1024;
    static final long MAX_TIME_MS = 86_400_000L;

    private Converters() {}

    /** Record ids: 1-256 characters, not blank, no control characters. */
    static final class Id implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(value, MAX_ID, "an id");
        }
    }

    /** Names (agent, user, tool, file): 1-1024 characters, not blank, no control characters. */
    static final class Name implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(value, MAX_NAME, "a name");
        }
    }

    /** Free text (error, comment): up to 1 MiB, no NUL (PostgreSQL cannot store it). */
    static final class Text implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.length() > MAX_TEXT) {
                throw new TypeConversionException("must be at most " + MAX_TEXT + " characters, was " + value.length());
            }
            if (value.indexOf('\0') >= 0) {
                throw new TypeConversionException("must not contain NUL characters");
            }
            return value;
        }
    }

    /** {@code true} or {@code false}, nothing else (no "yes", no "1"). */
    static final class StrictBoolean implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new TypeConversionException("must be true or false, was \"" + value + "\"");
            };
        }
    }

    /** A JSON object, e.g. {@code '{"ticket": "SX-12", "repo": "sextant"}'}. */
    static final class JsonObject implements ITypeConverter<JsonNode> {
        @Override
        public JsonNode convert(String value) {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(value);
            } catch (JacksonException e) {
                throw new TypeConversionException("must be a JSON object, e.g. '{\"ticket\": \"SX-12\"}': "
                        + e.getOriginalMessage() + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()));
            }
            if (node == null || !node.isObject()) {
                throw new TypeConversionException("must be a JSON object, e.g. '{\"ticket\": \"SX-12\"}', was "
                        + (node == null ? "empty" : "a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            }
            if (node.toString().length() > 256 * 1024) {
                throw new TypeConversionException("must be at most 256 KiB as compact JSON, was " + node.toString().length() + " characters");
            }
            if (node.toString().contains("\\u0000")) {
                throw new TypeConversionException("must not contain NUL characters");
            }
            return node;
        }
    }

    /** Rating 1 to 5. */
    static final class Feedback implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 1 || n > 5) {
                throw new TypeConversionException("must be a rating from 1 to 5, was " + n);
            }
            return n;
        }
    }

    /** Duration in milliseconds, 0 to one day. */
    static final class Millis implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long n = integer(value);
            if (n < 0 || n > MAX_TIME_MS) {
                throw new TypeConversionException("must be milliseconds from 0 to " + MAX_TIME_MS + " (one day), was " + n);
            }
            return n;
        }
    }

    /** A count of lines, 0 or more. */
    static final class Lines implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 0) {
                throw new TypeConversionException("must be 0 or more, was " + n);
            }
            return n;
        }
    }

    /** A number of days to look back, 1 to 3650. */
    static final class Days implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 1 || n > 3650) {
                throw new TypeConversionException("must be a number of days from 1 to 3650, was " + n);
            }
            return n;
        }
    }

    /** How many rows to ask for, 1 to 100. */
    static final class Limit implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 1 || n > 100) {
                throw new TypeConversionException("must be from 1 to 100, was " + n);
            }
            return n;
        }
    }

    /** An RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z. */
    static final class Time implements ITypeConverter<java.time.Instant> {
        @Override
        public java.time.Instant convert(String value) {
            try {
                return java.time.OffsetDateTime.parse(value.strip()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new TypeConversionException("must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was \""
                        + value + "\"");
            }
        }
    }

    static final class Type implements ITypeConverter<CodegenType> {
        @Override
        public CodegenType convert(String value) {
            return CodegenType.fromWire(value);
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number, was \"" + value + "\"");
        }
    }

    static String checked(String value, int max, String what) {
        if (value.isBlank()) {
            throw new TypeConversionException("must be " + what + " (1-" + max + " characters), was blank");
        }
        if (value.length() > max) {
            throw new TypeConversionException("must be at most " + max + " characters, was " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new TypeConversionException("must not contain control characters (newline, tab, NUL...)");
        }
        return value;
    }
}
