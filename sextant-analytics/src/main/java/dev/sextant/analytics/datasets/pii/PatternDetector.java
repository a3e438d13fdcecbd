package dev.sextant.analytics.datasets.pii;

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

    /** Whether a candidate the pattern matched really is one (a checksum, a range). */
    boolean accept(String candidate) {
        return true;
    }

    @Override
    public final List<PiiMatch> find(CharSequence text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start() && accept(m.group())) {
                found.add(new PiiMatch(kind, m.start(), m.end()));
            }
        }
        return found;
    }
}
