package dev.sextant.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A detector that is a regular expression plus an optional check of each candidate. */
abstract class PatternDetector implements PiiDetector {
    private final PiiKind kind;
    private final Pattern pattern;

    PatternDetector(PiiKind kind, Pattern pattern) {
        this.kind = kind;
        this.pattern = pattern;
    }

    @Override
    public final PiiKind kind() {
        return kind;
    }

    /** A cheap look before the pattern runs: false when the text cannot hold a match. */
    boolean mayContain(CharSequence text) {
        return true;
    }

    static int digits(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    static boolean has(CharSequence text, char wanted) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                return true;
            }
        }
        return false;
    }

    /** Whether a candidate the pattern matched really is one (a checksum, a range). */
    boolean accept(String candidate) {
        return true;
    }

    @Override
    public final List<PiiMatch> find(CharSequence text) {
        List<PiiMatch> found = new ArrayList<>();
        if (!mayContain(text)) {
            return found;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start() && accept(m.group())) {
                found.add(new PiiMatch(kind, m.start(), m.end()));
            }
        }
        return found;
    }
}
