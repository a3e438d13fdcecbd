package dev.sextant.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTokenTest {

    @Test
    void aGeneratedTokenHas256BitsAndParsesBack() {
        SessionToken token = SessionToken.generate();
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}"); // 32 bytes in unpadded base64url
        assertThat(SessionToken.parse(token.value())).contains(token);
        assertThat(SessionToken.generate()).isNotEqualTo(token);
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void theHashIsSha256InHex() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertThat(new SessionToken("abc").hash())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void valuesOfAnotherShapeAreNotTokens() {
        assertThat(SessionToken.parse(null)).isEmpty();
        assertThat(SessionToken.parse("")).isEmpty();
        assertThat(SessionToken.parse("A".repeat(42))).isEmpty();
        assertThat(SessionToken.parse("A".repeat(44))).isEmpty();
        assertThat(SessionToken.parse("A".repeat(42) + "=")).isEmpty();
        assertThat(SessionToken.parse("A".repeat(42) + "'")).isEmpty();
    }
}
