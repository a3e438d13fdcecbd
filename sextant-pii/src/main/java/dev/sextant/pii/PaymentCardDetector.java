package dev.sextant.pii;

import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, that pass the
 * Luhn checksum (which random digit runs fail nine times in ten).
 */
public final class PaymentCardDetector extends PatternDetector {
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");

    public PaymentCardDetector() {
        super(PiiKind.PAYMENT_CARD, CARD);
    }

    @Override
    boolean mayContain(CharSequence text) {
        return digits(text) >= 13;
    }

    @Override
    boolean accept(String candidate) {
        return luhn(candidate.replaceAll("[ -]", ""));
    }

    /** The Luhn (mod 10) check over a string of digits. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }
}
