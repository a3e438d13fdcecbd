package dev.sextant.pii;

import java.util.regex.Pattern;

/**
 * E-mail addresses: a local part, {@code @} (or {@code %40}, its URL-encoded form, as in
 * {@code ?email=jane%40example.com}), a domain with a dot and a letters-only top level. Inside
 * URLs ({@code mailto:}, query strings) and angle brackets they are found too; look-alikes such
 * as {@code user@localhost}, {@code @handle} or {@code name@1.2.3.4} are not.
 */
public final class EmailDetector extends PatternDetector {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[A-Za-z0-9._%+-]{1,64}(?:@|%40)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])");

    public EmailDetector() {
        super(PiiKind.EMAIL, EMAIL);
    }

    @Override
    boolean mayContain(CharSequence text) {
        return has(text, '@') || text.toString().contains("%40");
    }
}
