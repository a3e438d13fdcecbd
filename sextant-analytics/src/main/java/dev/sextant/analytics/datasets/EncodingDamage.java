package dev.sextant.analytics.datasets;

import java.util.regex.Pattern;

/**
 * Signs that text went through a wrong decoding: the replacement character U+FFFD (bytes that were
 * not UTF-8), UTF-8 read as Latin-1/Windows-1252 ("Ã©" for "é", "â€™" for "’", "Â " for a
 * no-break space), and control characters other than tab, line feed and carriage return.
 */
final class EncodingDamage {
    private static final Pattern DAMAGE = Pattern.compile(
            "\uFFFD|[\u0000-\u0008\u000B\u000C\u000E-\u001F]|Ã[\u0080-\u00BF]|Â[\u0080-\u00BF]|â€");

    private EncodingDamage() {}

    static boolean in(String text) {
        return DAMAGE.matcher(text).find();
    }
}
