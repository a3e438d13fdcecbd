package dev.sextant.server.configurations;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the Sextant Java SDK's version from a {@code User-Agent} header, strictly: the whole
 * value must be {@code sextant-java-sdk/MAJOR.MINOR.PATCH[-qualifier]}. Anything else (other
 * clients, extra tokens, oversize or hostile values) is ignored, so nothing a caller writes there
 * beyond a version of that form is ever remembered.
 */
final class SdkUserAgent {
    static final String PRODUCT = "sextant-java-sdk/";
    static final int MAX_LENGTH = 80;
    private static final Pattern FORM = Pattern.compile(
            Pattern.quote(PRODUCT) + "(\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}(?:-[0-9A-Za-z.-]{1,40})?)");

    private SdkUserAgent() {}

    /** The version named, or empty when the header is absent or not exactly the SDK's form. */
    static Optional<String> version(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        var m = FORM.matcher(header);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
