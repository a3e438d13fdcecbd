package dev.sextant.pii;

import java.util.regex.Pattern;

/**
 * Phone numbers: an international form ({@code +} or {@code 00}, country code, optional
 * {@code (0)} trunk digit), or a national form of the countries we test (US 3-3-4 and
 * {@code (415)}, a leading trunk {@code 0} with separators as in the UK, Germany, India and Japan,
 * French pairs {@code 01 23 45 67 89}), holding 8 to 15 digits (E.164's most). A bare run of
 * digits is not taken as a phone number: it is far more often an id, an amount or a card number;
 * neither is a digit group glued to a word or a dash (order ids such as {@code ORD-0042-123456}).
 */
public final class PhoneDetector extends PatternDetector {
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+-])(?:"
            + "\\+\\d{1,3}[ .-]?(?:\\(0?\\d{1,4}\\)[ .-]?)?\\d{1,5}(?:[ .-]?\\d{2,5}){1,4}"
            + "|00\\d{1,3}[ .-](?:\\(0?\\d{1,4}\\)[ .-]?)?\\d{1,5}(?:[ .-]?\\d{2,5}){1,4}"
            + "|\\(\\d{2,5}\\)[ .-]?\\d{3,4}[ .-]?\\d{3,4}"
            + "|\\d{3}([ .-])\\d{3}\\1\\d{4}"
            + "|0\\d(?:([ .-])\\d{2})(?:\\2\\d{2}){3}"
            + "|0\\d{1,5}[ /-]\\d{3,8}(?:[ -]\\d{2,4})?"
            + ")(?![\\w-]|\\.\\d)");

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
