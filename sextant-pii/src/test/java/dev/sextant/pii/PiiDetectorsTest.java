package dev.sextant.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiiDetectorsTest {
    private static List<String> found(PiiDetector d, String text) {
        return d.find(text).stream().map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void emails() {
        assertThat(found(new EmailDetector(), "write to jane.doe+x@mail.example.org, or a@b.co. not me@localhost"))
                .containsExactly("jane.doe+x@mail.example.org", "a@b.co");
    }

    @Test
    void cardsMustPassLuhn() {
        assertThat(PaymentCardDetector.luhn("4111111111111111")).isTrue();
        assertThat(PaymentCardDetector.luhn("4111111111111112")).isFalse();
        assertThat(found(new PaymentCardDetector(), "card 4111 1111 1111 1111 and 4111-1111-1111-1112 and 5500005555555559"))
                .containsExactly("4111 1111 1111 1111", "5500005555555559");
    }

    @Test
    void phones() {
        assertThat(found(new PhoneDetector(), "call +44 20 7946 0958 or (555) 123-4567; order 12345678; v1.2.3"))
                .containsExactly("+44 20 7946 0958", "(555) 123-4567");
    }

    @Test
    void ipAddresses() {
        assertThat(found(new IpAddressDetector(), "from 192.168.1.20 and 2001:db8::8a2e:370:7334, not 999.1.1.1 or 1.2.3.4.5, at 10:30"))
                .containsExactly("192.168.1.20", "2001:db8::8a2e:370:7334");
        assertThat(found(new IpAddressDetector(), "::1 and fe80:0:0:0:0:0:0:1")).containsExactly("::1", "fe80:0:0:0:0:0:0:1");
    }

    @Test
    void apiKeys() {
        String text = "key sk-proj-abcdefghijklmnopqrstuvwx1234 and AKIAIOSFODNN7EXAMPLE and ghp_" + "a".repeat(36)
                + " and Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345 but not sk-short";
        assertThat(found(new ApiKeyDetector(), text)).containsExactly("sk-proj-abcdefghijklmnopqrstuvwx1234",
                "AKIAIOSFODNN7EXAMPLE", "ghp_" + "a".repeat(36), "abcdefghijklmnopqrstuvwxyz012345");
    }

    @Test
    void theScannerKeepsOneKindPerSpanWithCardsBeforePhones() {
        String text = "pay with 4111 1111 1111 1111 or call +1 415 555 0100";
        List<PiiMatch> matches = PiiScanner.standard().scan(text);
        assertThat(matches).extracting(PiiMatch::kind).containsExactly(PiiKind.PAYMENT_CARD, PiiKind.PHONE);
    }
}
