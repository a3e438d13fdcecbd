package dev.sextant.analytics.datasets.pii;

import java.util.regex.Pattern;

/** E-mail addresses: a local part, {@code @}, a domain with a dot and a letters-only top level. */
public final class EmailDetector extends PatternDetector {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])");

    public EmailDetector() {
        super(PiiKind.EMAIL, EMAIL);
    }

    @Override
    boolean mayContain(CharSequence text) {
        return has(text, '@');
    }
}
