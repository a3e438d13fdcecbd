package dev.sextant.sdk;

import dev.sextant.sdk.internal.WarnOnce;

/**
 * Values that come from the agent at run time are never refused with an exception: one the
 * server would refuse is left out (or clamped) and reported once in the log.
 */
final class Values {
    private Values() {}

    static Double confidence(String where, double value) {
        if (value >= 0 && value <= 1) {
            return value;
        }
        WarnOnce.warn("confidence", "Sextant SDK: " + where + " confidence must be between 0 and 1, was " + value
                + "; left out");
        return null;
    }

    static long tokens(String field, long value) {
        if (value >= 0) {
            return value;
        }
        WarnOnce.warn("tokens", "Sextant SDK: usage." + field + " must not be negative, was " + value + "; sent as 0");
        return 0;
    }

    static String error(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getMessage();
        return message == null ? error.getClass().getName() : error.getClass().getName() + ": " + message;
    }
}
