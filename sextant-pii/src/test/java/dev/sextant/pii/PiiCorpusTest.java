package dev.sextant.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus: for each detector, texts that hold exactly one value it must find (the value is
 * between « and », which the test removes), and look-alikes it must leave alone.
 */
class PiiCorpusTest {

    /** Asserts that {@code marked} (one value between « and ») yields exactly that value. */
    private static void findsExactly(PiiDetector detector, String marked) {
        int start = marked.indexOf('«');
        int end = marked.indexOf('»') - 1;
        String text = marked.replace("«", "").replace("»", "");
        List<String> found = detector.find(text).stream().map(m -> text.substring(m.start(), m.end())).toList();
        assertThat(found).as(text).containsExactly(text.substring(start, end));
    }

    private static void findsNothing(PiiDetector detector, String text) {
        assertThat(detector.find(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"visa «4111111111111111» ok", "«4111 1111 1111 1111»", "mc «5500-0000-0000-0004».",
            "amex «3782 822463 10005»", "diners «30569309025904»", "13 digits «4222222222222»",
            "discover «6011111111111117»", "jcb «3530 1113 3330 0000»", "19 digits «6011 0000 0000 0000 001»",
            "card:«4000000000006»;", "{\"pan\":\"«4111111111111111»\"}"})
    void cards(String text) {
        findsExactly(new PaymentCardDetector(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"luhn-invalid 4111111111111112", "1234 5678 1234 5678", "12 digits 400000000000",
            "20 digits 60110000000000000011", "a timestamp 20261101120000", "order ORD-4111111111111111-2",
            "phone +1 415 555 0100", "4111 1111 1111 111", "isbn 978-3-16-148410-0"})
    void notCards(String text) {
        findsNothing(new PaymentCardDetector(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail «jane.doe@example.com» now", "<«jane@example.org»>", "mailto:«jane+tag@mail.example.co.uk»",
            "https://example.com/reset?email=«jane%40example.com»&t=1", "https://example.com/u/«bob@example.com»/profile",
            "\"«a_b-c@sub.example.io»\"", "(«x@y.de»)", "https://shop.example/?to=«jane@example.com»#top"})
    void emails(String text) {
        findsExactly(new EmailDetector(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@localhost", "follow @handle on social", "npm i @scope/package", "name@1.2.3.4",
            "jane@example", "a@b.c", "price 5@10.00", "https://example.com/path?at=%40home", "@@@"})
    void notEmails(String text) {
        findsNothing(new EmailDetector(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "US «+1 415 555 0100»", "US «(415) 555-0100»", "US «415-555-0100»", "US «415.555.0100»", "US «001 415 555 0100»",
            "UK «+44 20 7946 0958»", "UK «+44 (0)20 7946 0958»", "UK «020 7946 0958»", "UK mobile «07700 900123»",
            "UK «0044 20 7946 0958»",
            "DE «+49 30 12345678»", "DE «+49 (0)30 1234 5678»", "DE «030 12345678»", "DE «030/1234567»", "DE «0049 89 636 48018»",
            "FR «+33 1 23 45 67 89»", "FR «01 23 45 67 89»", "FR «01.23.45.67.89»", "FR «0033 6 12 34 56 78»",
            "IN «+91 98765 43210»", "IN «098765 43210»", "IN «+91-98765-43210»",
            "JP «+81 3-1234-5678»", "JP «03-1234-5678»", "JP «090-1234-5678»", "JP «+81 90 1234 5678»",
            "E.164 «+4930123456»", "call me at «+1-415-555-0100», thanks"})
    void phones(String text) {
        findsExactly(new PhoneDetector(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"on 2026-11-01", "on 01.02.2026", "on 12/31/2025", "at 2026-11-01T10:00:00Z", "version 1.2.3",
            "build 10.0.19045.2006", "release 2024.1001.1234", "order 12345678", "order ORD-0042-123456", "id 0042123456",
            "ip 192.168.100.200", "amount 1 234 567", "v2.14.0-rc1", "12:30-13:45", "ref #00123"})
    void notPhones(String text) {
        findsNothing(new PhoneDetector(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from «192.168.1.20»", "«10.0.0.1»:8080", "«2001:db8::8a2e:370:7334»", "«::1»",
            "[«fe80::1»]:443", "«2001:0db8:0000:0000:0000:ff00:0042:8329»", "«::ffff:192.0.2.1»", "x-forwarded-for: «203.0.113.7»,"})
    void ipAddresses(String text) {
        findsExactly(new IpAddressDetector(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"version 1.2.3.4.5", "999.1.1.1", "v10.0.19045", "at 10:30:15", "1.2.3", "01.02.03.04",
            "sha 1a2b:3c4d", "build 2.0.0.256"})
    void notIpAddresses(String text) {
        findsNothing(new IpAddressDetector(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"key «sk-proj-abcdefghijklmnopqrstuvwx1234»", "«sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx»",
            "«sk-abcdefghijklmnopqrstuvwxyz012345»", "aws «AKIAIOSFODNN7EXAMPLE»", "«ghp_abcdefghijklmnopqrstuvwxyz0123456789»",
            "«github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123»", "slack «xoxb-123456789012-abcdefghij»",
            "«AIzaSyA-1234567890abcdefghijklmnopqrstu»", "stripe «sk_live_abcdefghijklmnop1234»",
            "jwt «eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U»",
            "Authorization: Bearer «abcdefghijklmnopqrstuvwxyz012345»", "authorization: bearer «Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==»"})
    void apiKeys(String text) {
        findsExactly(new ApiKeyDetector(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-short", "a skeleton-key-for-the-whole-building", "internationalization-and-localization",
            "AKIAshort", "ghp_short", "xoxb-1", "Bearer short", "eyJ alone", "the desk-lamp-switch-was-replaced-yesterday",
            "pneumonoultramicroscopicsilicovolcanoconiosis", "task-0123456789abcdef0123456789abcdef"})
    void notApiKeys(String text) {
        findsNothing(new ApiKeyDetector(), text);
    }
}
