package dev.sextant.server.configurations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.ImpactLevel;
import dev.sextant.store.ParameterChange;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Flattening, the changed paths and the documented impact rules, case by case. */
class ParameterDiffTest {
    private final ParameterDiff diff = new ParameterDiff();

    @Test
    void onlyChangedLeavesAreListedSortedByPath() {
        List<ParameterChange> changes = diff.between(
                "{\"behaviour\": {\"temperature\": 0.2, \"tone\": \"calm\"}, \"workflow\": {\"steps\": [1]}}",
                "{\"behaviour\": {\"temperature\": 0.2, \"top_p\": 0.9}, \"workflow\": {\"steps\": [1, 2]}}");
        assertThat(changes).extracting(ParameterChange::parameter)
                .containsExactly("behaviour.tone", "behaviour.top_p", "workflow.steps");
        assertThat(changes.get(0).oldValue()).isEqualTo("\"calm\"");
        assertThat(changes.get(0).newValue()).isNull();
        assertThat(changes.get(1).oldValue()).isNull();
        assertThat(changes.get(2).newValue()).isEqualTo("[1,2]");
        assertThat(diff.between("{\"a\": {\"b\": 1}}", "{\"a\": {\"b\": 1}}")).isEmpty();
        assertThat(diff.between(null, "{}")).isEmpty();
        assertThat(diff.between(null, "{\"interface\": {}}")).extracting(ParameterChange::parameter)
                .containsExactly("interface");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} is {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "prompt_templates.greeting|\"Hi\"|\"Hello\"|HIGH",
            "behaviour.model|\"a\"|\"b\"|HIGH",
            "workflow.steps|[]|[1]|HIGH",
            "integrations.crm.enabled|true|false|HIGH",
            "behaviour.temperature|0.2|0.25|LOW",
            "behaviour.temperature|0.2|0.3|LOW",
            "behaviour.temperature|0.2|0.31|MEDIUM",
            "behaviour.max_tokens|500|1000|MEDIUM",
            "behaviour.max_tokens|1000|400|MEDIUM",
            "behaviour.max_tokens|1000|600|LOW",
            "behaviour.penalty|0|0.1|MEDIUM",
            "behaviour.penalty|-|0.1|MEDIUM",
            "behaviour.penalty|0.1|-|MEDIUM",
            "behaviour.tone|\"calm\"|\"formal\"|MEDIUM",
            "behaviour.stream|true|false|MEDIUM",
            "interface.language|\"en\"|\"de\"|LOW",
            "interface.max_chars|100|1000|LOW"})
    void impactFollowsTheDocumentedRules(String path, String old, String now, ImpactLevel expected) {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(ImpactRules.impact(path, old == null ? null : json.readTree(old), now == null ? null : json.readTree(now)))
                .isEqualTo(expected);
    }
}
