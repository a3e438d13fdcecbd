package dev.sextant.server.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords();

    @Test
    void aHashIsSaltedBcryptAndMatchesOnlyItsPassword() {
        String hash = passwords.hash("correct-horse");
        assertThat(hash).startsWith("$2a$10$").hasSize(60);
        assertThat(passwords.hash("correct-horse")).isNotEqualTo(hash);
        assertThat(passwords.matches("correct-horse", hash)).isTrue();
        assertThat(passwords.matches("correct-horsE", hash)).isFalse();
        assertThat(passwords.matches(null, hash)).isFalse();
    }

    @Test
    void aPublishedBcryptHashIsRecognised() {
        // a published bcrypt test vector (OpenBSD / jBCrypt test vectors): "U*U" with cost 5
        assertThat(passwords.matches("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")).isTrue();
    }

    @Test
    void anUnknownUserNeverMatches() {
        assertThat(passwords.matches("anything-at-all", null)).isFalse();
    }

    @Test
    void passwordsOutsideTheLimitsAreRefused() {
        assertThat(Passwords.problem("1234567")).contains("at least 8");
        assertThat(Passwords.problem("12345678")).isNull();
        assertThat(Passwords.problem("a".repeat(72))).isNull();
        assertThat(Passwords.problem("a".repeat(73))).contains("at most 72 bytes");
        assertThat(Passwords.problem("é".repeat(37))).contains("at most 72 bytes"); // 74 bytes in UTF-8
        assertThatThrownBy(() -> passwords.hash("short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(passwords.matches("a".repeat(73), passwords.hash("a".repeat(72)))).isFalse();
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String one = Passwords.generate();
        assertThat(one).matches("[A-Za-z2-9]{20}");
        assertThat(Passwords.problem(one)).isNull();
        assertThat(Passwords.generate()).isNotEqualTo(one);
    }
}
