package dev.sextant.analytics.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CustomizationPatternsTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    @ParameterizedTest(name = "{0} changes: {1}")
    @CsvSource({"0, non_customizer", "1, light", "5, light", "6, moderate", "10, moderate", "11, active",
            "20, active", "21, power_user", "400, power_user"})
    void userTypeByNumberOfChanges(long changes, String type) {
        assertThat(UserType.of(changes).wire()).isEqualTo(type);
    }

    @Test
    void perActorCountsTypeFocusAndTimes() {
        List<CustomizationChange> changes = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            String path = i < 12 ? "behaviour.temperature" : i < 18 ? "prompts.system" : "integrations.crm.url";
            changes.add(new CustomizationChange("user ann@example.com", path, T0.plusSeconds(i)));
        }
        changes.add(new CustomizationChange("key deploy-bot", "workflow", T0.plusSeconds(100)));
        changes.add(new CustomizationChange("key deploy-bot", "behaviour.max_tokens", T0.plusSeconds(50)));
        for (int i = 0; i < 6; i++) {
            changes.add(new CustomizationChange("user bo@example.com", "prompts.greeting", T0));
        }

        List<CustomizationPatterns.Pattern> patterns = CustomizationPatterns.of(changes);

        assertThat(patterns).extracting(CustomizationPatterns.Pattern::actor)
                .containsExactly("user ann@example.com", "user bo@example.com", "key deploy-bot");
        CustomizationPatterns.Pattern ann = patterns.getFirst();
        assertThat(ann.changes()).isEqualTo(21);
        assertThat(ann.userType()).isEqualTo(UserType.POWER_USER);
        assertThat(ann.actorKind()).isEqualTo("user");
        assertThat(ann.primaryFocus()).isEqualTo("behaviour");
        assertThat(ann.sections()).containsExactly(Map.entry("behaviour", 12L), Map.entry("prompts", 6L),
                Map.entry("integrations", 3L));
        assertThat(ann.firstChange()).isEqualTo(T0);
        assertThat(ann.lastChange()).isEqualTo(T0.plusSeconds(20));
        assertThat(patterns.get(1).userType()).isEqualTo(UserType.MODERATE);
        CustomizationPatterns.Pattern key = patterns.get(2);
        assertThat(key.actorKind()).isEqualTo("key");
        assertThat(key.userType()).isEqualTo(UserType.LIGHT);
        // a tie (one each): the section that sorts first is the focus; a path without a dot is its own section
        assertThat(key.primaryFocus()).isEqualTo("behaviour");
        assertThat(key.sections()).containsOnlyKeys("behaviour", "workflow");
        assertThat(key.firstChange()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void anActorWithoutChangesIsANonCustomizer() {
        assertThat(CustomizationPatterns.of(List.of())).isEmpty();
        CustomizationPatterns.Pattern none = CustomizationPatterns.none("user new@example.com");
        assertThat(none.userType()).isEqualTo(UserType.NON_CUSTOMIZER);
        assertThat(none.primaryFocus()).isNull();
    }

    @Test
    void aBlankPathIsRefused() {
        assertThatThrownBy(() -> new CustomizationChange("user a@b.c", " ", T0))
                .hasMessage("a parameter path must not be blank");
    }
}
