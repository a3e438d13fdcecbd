package dev.sextant.server.models;

import java.util.regex.Pattern;

/** Text helpers of the model-version bodies (their fields are checked by {@link dev.sextant.server.web.TextFields}). */
final class Texts {
    /** Version ids a client may choose, as experiment ids. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Texts() {}

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
