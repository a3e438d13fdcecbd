package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lower-cased words (runs of letters and digits) and the normalised form that equality checks use. */
final class Words {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Words() {}

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Case folded, white space collapsed, trimmed: "Hello  World " and "hello world" are the same input. */
    static String normalized(String text) {
        return text == null ? "" : SPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
