package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Lower-cased words (runs of letters and digits, {@link Character#isLetterOrDigit}) and the normalised form that equality checks use. */
final class Words {
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Words() {}

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean part = i < text.length() && Character.isLetterOrDigit(cp);
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
        return words;
    }

    /** Case folded, white space collapsed, trimmed: "Hello  World " and "hello world" are the same input. */
    static String normalized(String text) {
        return text == null ? "" : SPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
