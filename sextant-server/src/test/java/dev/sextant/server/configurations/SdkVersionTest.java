package dev.sextant.server.configurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** SDK versions, the minimum per content, compatibility answers and If-None-Match matching. */
class SdkVersionTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void versionsCompareByNumbersIgnoringQualifiers() {
        assertThat(SdkVersion.parse("0.10.0")).isGreaterThan(SdkVersion.parse("0.9.9"));
        assertThat(SdkVersion.parse("0.3.0-SNAPSHOT")).isEqualByComparingTo(SdkVersion.parse("0.3.0"));
        assertThat(SdkVersion.parse("1.0.0+build.5").toString()).isEqualTo("1.0.0");
        for (String bad : new String[] {"1", "1.2", "v1.2.3", "1.2.3.4", "latest", "1.2.3-"}) {
            assertThatThrownBy(() -> SdkVersion.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sdk_version must look like 0.3.0");
        }
    }

    @Test
    void everySectionNeedsOnlyTheFirstSdkToday() {
        for (String content : new String[] {"{}", "{\"integrations\": {\"crm\": {\"enabled\": true}}}",
                "{\"workflow\": {\"steps\": []}, \"integrations\": {\"a\": {}}}", "{\"prompt_templates\": {}}"}) {
            assertThat(SdkRequirements.minimum(JSON.readTree(content)).toString()).as(content).isEqualTo("0.1.0");
        }
    }

    @Test
    void theMinimumIsTheHighestRequirementOfTheSectionsUsed() {
        Map<String, SdkVersion> table = Map.of("integrations", new SdkVersion(0, 2, 0), "workflow", new SdkVersion(0, 3, 0));
        assertThat(SdkRequirements.minimum(JSON.readTree("{\"behaviour\": {}}"), table).toString()).isEqualTo("0.1.0");
        assertThat(SdkRequirements.minimum(JSON.readTree("{\"integrations\": {}}"), table).toString()).isEqualTo("0.2.0");
        assertThat(SdkRequirements.minimum(JSON.readTree("{\"workflow\": {}, \"integrations\": {}}"), table).toString())
                .isEqualTo("0.3.0");
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(EntityTags.matches(null, "a-v1")).isFalse();
        assertThat(EntityTags.matches("\"a-v1\"", "a-v1")).isTrue();
        assertThat(EntityTags.matches("W/\"a-v1\"", "a-v1")).isTrue();
        assertThat(EntityTags.matches("\"x\" , \"a-v1\"", "a-v1")).isTrue();
        assertThat(EntityTags.matches("*", "a-v1")).isTrue();
        assertThat(EntityTags.matches("a-v1", "a-v1")).as("an unquoted tag is not a tag").isFalse();
        assertThat(EntityTags.matches("\"a-v10\"", "a-v1")).isFalse();
    }
}
