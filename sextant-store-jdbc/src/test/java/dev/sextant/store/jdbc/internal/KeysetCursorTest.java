package dev.sextant.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {

    @Test
    void aCursorRoundTripsAnyIdAndMicrosecondTime() {
        KeysetCursor cursor = new KeysetCursor(Instant.parse("2026-11-01T10:00:00.123456Z"), "t-1\n'; --🚀");
        String encoded = cursor.encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(KeysetCursor.decode(encoded)).isEqualTo(cursor);
    }

    @Test
    void somethingElseIsNotACursor() {
        for (String garbage : new String[] {"", "!!", "YWJj", "bm90LWEtdGltZQpt"}) {
            assertThatThrownBy(() -> KeysetCursor.decode(garbage))
                    .as(garbage)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cursor is not one this server issued");
        }
    }
}
