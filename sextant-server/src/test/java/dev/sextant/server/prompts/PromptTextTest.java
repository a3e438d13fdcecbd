package dev.sextant.server.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTextTest {

    @Test
    void variablesAndSectionsAreFoundAndRenderedWithoutEscaping() {
        PromptText t = PromptText.parse("Hi {{name}}!{{#tone}} Be {{tone}}.{{/tone}}{{^tone}} Be neutral.{{/tone}}{{! note }}");
        assertThat(t.names()).as("in order of first use").containsExactly("name", "tone");
        assertThat(t.render(Map.of("name", "<Ann & Bob>", "tone", "kind"))).isEqualTo("Hi <Ann & Bob>! Be kind.");
        assertThat(t.render(Map.of("name", "Ann", "tone", ""))).isEqualTo("Hi Ann! Be neutral.");
    }

    @Test
    void aValueIsNeverReadAsATemplate() {
        PromptText t = PromptText.parse("Q: {{q}}");
        assertThat(t.render(Map.of("q", "{{#x}}{{/x}} {{> partial}} {{{y}}} {{=<% %>=}}")))
                .isEqualTo("Q: {{#x}}{{/x}} {{> partial}} {{{y}}} {{=<% %>=}}");
    }

    @Test
    void partialsAndInheritanceAreRefused() {
        assertThatThrownBy(() -> PromptText.parse("a {{> /etc/passwd}} b")).isInstanceOf(PromptText.Invalid.class)
                .hasMessageContaining("{{> /etc/passwd}}").hasMessageContaining("not supported");
        assertThatThrownBy(() -> PromptText.parse("{{< base}}{{$ x}}y{{/ x}}{{/ base}}"))
                .isInstanceOf(PromptText.Invalid.class);
    }

    @Test
    void brokenTextIsInvalid() {
        assertThatThrownBy(() -> PromptText.parse("{{#open}} never closed")).isInstanceOf(PromptText.Invalid.class)
                .hasMessageStartingWith("text is not a valid template: ");
        assertThatThrownBy(() -> PromptText.parse("{{#a}}x{{/b}}")).isInstanceOf(PromptText.Invalid.class);
    }

    @Test
    void dottedAndSpecialNamesAreNamesLikeAnyOther() {
        assertThat(PromptText.parse("{{a.b}} {{this}} {{-first}}").names()).containsExactlyInAnyOrder("a.b", "this", "-first");
    }

    @Test
    void aRenderedTextOverTheLimitIsRefused() {
        PromptText t = PromptText.parse("{{v}}{{v}}{{v}}");
        assertThatThrownBy(() -> t.render(Map.of("v", "x".repeat(PromptText.MAX_RENDERED / 2))))
                .isInstanceOf(PromptText.TooLong.class);
    }

    @Test
    void objectsAreNeverReflectedOn() {
        // inside a section on a string value, {{length}} must come from the map, never String.length()
        PromptText t = PromptText.parse("{{#s}}{{length}}{{/s}}");
        assertThat(t.render(Map.of("s", "abc", "length", "L"))).isEqualTo("L");
    }
}
