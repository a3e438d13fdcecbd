package dev.sextant.analytics.datasets.pii;

import java.util.regex.Pattern;

/**
 * Phone numbers: an international {@code +} form, or a national form with separators or an area
 * code in brackets, holding 8 to 15 digits (E.164's most). A bare run of digits is not taken as a
 * phone number: it is far more often an id, an amount or a card number.
 */
public final class PhoneDetector extends PatternDetector {
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}(?:[ .-]?\\d{2,4}){1,4}"
                    + "|\\(\\d{2,4}\\)[ .-]?\\d{3,4}[ .-]\\d{3,4}"
                    + "|\\d{2,4}[ .-]\\d{3,4}[ .-]\\d{3,4})(?![\\w])");

    public PhoneDetector() {
        super(PiiKind.PHONE, PHONE);
    }

    @Override
    boolean mayContain(CharSequence text) {
        return digits(text) >= 8;
    }

    @Override
    boolean accept(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        return digits >= 8 && digits <= 15 && !IpAddressDetector.isIpv4(candidate);
    }
}
