package dev.sextant.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Webhook signatures against published and independently computed values. */
class WebhookSignatureTest {

    /** RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?". */
    @Test
    void hmacSha256MatchesRfc4231() {
        assertThat(WebhookSignature.hmacSha256Hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    /**
     * The signed content is "timestamp.body"; the expected value is Python's
     * {@code hmac.new(b's3cret-for-signing', b'1700000000.{"event":"alert.fired"}', hashlib.sha256).hexdigest()}.
     */
    @Test
    void theTimestampAndADotPrecedeTheBody() {
        assertThat(WebhookSignature.sign("s3cret-for-signing", 1_700_000_000L,
                "{\"event\":\"alert.fired\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=e1d0a1b8775b74df6ae84b957a8399cd17a12fd07b744f35db7feb7206af7b93");
    }

    @Test
    void slackControlCharactersAreEscaped() {
        assertThat(WebhookPayloads.escape("p95 > 2000 & <b>")).isEqualTo("p95 &gt; 2000 &amp; &lt;b&gt;");
    }
}
