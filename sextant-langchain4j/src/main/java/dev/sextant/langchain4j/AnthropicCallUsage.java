package dev.sextant.langchain4j;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Anthropic's usage through LangChain4j: its input count is Anthropic's {@code input_tokens},
 * which EXCLUDES {@code cache_read_input_tokens} and {@code cache_creation_input_tokens}; Sextant's
 * input includes both, so they are added back (left out, cached prompts would go unbilled).
 * Loaded only when the response's usage is an {@link AnthropicTokenUsage}.
 */
final class AnthropicCallUsage {
    private AnthropicCallUsage() {
    }

    static CallUsage of(TokenUsage usage) {
        AnthropicTokenUsage anthropic = (AnthropicTokenUsage) usage;
        long cacheRead = CallUsage.count(anthropic.cacheReadInputTokens());
        long cacheWrite = CallUsage.count(anthropic.cacheCreationInputTokens());
        return new CallUsage(CallUsage.count(usage.inputTokenCount()) + cacheRead + cacheWrite,
                CallUsage.count(usage.outputTokenCount()), cacheRead, cacheWrite, 0);
    }
}
