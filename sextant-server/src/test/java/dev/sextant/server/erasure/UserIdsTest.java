package dev.sextant.server.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"u-4", "alice@example.com", "uh_0123456789abcdef", "Robert') OR 1=1 --", "ü 🚀"})
    void anIdIngestionCouldStoreIsAccepted(String id) {
        assertThat(UserIds.validated(id)).isEqualTo(id);
    }

    @Test
    void theLongestIdIsAccepted() {
        assertThat(UserIds.validated("x".repeat(256))).hasSize(256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a\u0000b", "a\nb", ".", "..", "a/b", "a\\b"})
    void anythingElseIsRefusedNamingTheParameter(String id) {
        assertThatThrownBy(() -> UserIds.validated(id)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::parameter).containsExactly("user_id"));
    }

    @Test
    void aTooLongIdSaysHowLong() {
        assertThatThrownBy(() -> UserIds.validated("x".repeat(257))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).problems().getFirst().message())
                        .isEqualTo("user_id is 257 characters long; user ids are at most 256"));
    }
}
