package dev.sextant.server.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserCursorTest {

    @Test
    void aCursorReadsBackAsItWasWritten() {
        for (UserCursor c : new UserCursor[] {new UserCursor(4, "bob", "bot"), new UserCursor(0, "ann", null),
                new UserCursor(7, "u\u00e9 \n.x", "a.n\n"), new UserCursor(1, "x", "")}) {
            assertThat(UserCursor.decode(c.encode())).isEqualTo(c);
        }
        assertThat(new UserCursor(4, "bob", "bot").encode()).isEqualTo("4.Ym9i.aYm90");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a cursor", "bm9wZQ", ".", "4.Ym9i", "-1.Ym9i.n", "x.Ym9i.n", "4..n", "4.Ym9i.x",
            "4.Ym9i.n.more", "4.Ym9i!.n", "4.Ym9i.a!!", "4.Ym9i=.n"})
    void anythingElseIsNoCursor(String raw) {
        assertThat(UserCursor.decode(raw)).isNull();
    }
}
