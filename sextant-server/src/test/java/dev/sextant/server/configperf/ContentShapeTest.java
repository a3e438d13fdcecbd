package dev.sextant.server.configperf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentShapeTest {

    @Test
    void parametersOutsideTheWorkflowStepsAndBehaviourValues() {
        ContentShape shape = ContentShape.of("""
                {"prompt_templates": {"answer": "A {{q}}"}, "behaviour": {"temperature": 0.5, "max_tokens": 400,
                  "tone": "calm", "stream": true}, "interface": {}, "integrations": {"crm": {"enabled": true}},
                 "workflow": {"steps": [{"id": "a", "type": "llm"}, {"id": "b", "type": "tool"}]}}""");
        assertThat(shape.parameters().keySet()).containsExactly("behaviour.max_tokens", "behaviour.stream",
                "behaviour.temperature", "behaviour.tone", "integrations.crm.enabled", "interface",
                "prompt_templates.answer");
        assertThat(shape.steps()).hasSize(2);
        assertThat(shape.behaviour()).isEqualTo(Map.of("temperature", 0.5, "max_tokens", 400.0, "tone", "calm",
                "stream", true));
    }

    @Test
    void anEmptyContentHasNothing() {
        ContentShape shape = ContentShape.of("{}");
        assertThat(shape.parameters()).isEmpty();
        assertThat(shape.steps()).isEmpty();
        assertThat(shape.behaviour()).isEmpty();
    }
}
