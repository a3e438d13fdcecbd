package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.json.JsonMapper;

/** Compares JSON documents as JSON, not as text. */
final class JsonAssert {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonAssert() {}

    static void assertSameJson(String actual, String expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isNotNull();
        assertThat(MAPPER.readTree(actual)).isEqualTo(MAPPER.readTree(expected));
    }
}
