package dev.sextant.cost;

import dev.sextant.model.Usage;

/**
 * Converts provider usage fields into Sextant's {@link Usage} convention (input includes cache
 * reads and writes, output includes reasoning), so that every token lands in exactly one
 * priced bucket. Providers disagree on what includes what; see docs/COSTS.md.
 */
public final class ProviderUsage {

    private ProviderUsage() {}

    /**
     * OpenAI Chat/Responses: {@code prompt_tokens} already include {@code cached_tokens} and
     * {@code completion_tokens} already include {@code reasoning_tokens}.
     */
    public static Usage openAi(long promptTokens, long completionTokens, long cachedTokens, long reasoningTokens) {
        return new Usage(promptTokens, completionTokens, cachedTokens, 0, reasoningTokens, false);
    }

    /**
     * Anthropic: {@code input_tokens} EXCLUDE {@code cache_read_input_tokens} and
     * {@code cache_creation_input_tokens}; they are added here so the input total is complete.
     */
    public static Usage anthropic(long inputTokens, long outputTokens, long cacheReadTokens, long cacheCreationTokens) {
        return new Usage(inputTokens + cacheReadTokens + cacheCreationTokens, outputTokens,
                cacheReadTokens, cacheCreationTokens, 0, false);
    }

    /**
     * Gemini {@code usageMetadata}: {@code promptTokenCount} includes
     * {@code cachedContentTokenCount}; {@code candidatesTokenCount} EXCLUDES
     * {@code thoughtsTokenCount}, which is added to the output here.
     */
    public static Usage gemini(long promptTokenCount, long candidatesTokenCount, long cachedContentTokenCount,
            long thoughtsTokenCount) {
        return new Usage(promptTokenCount, candidatesTokenCount + thoughtsTokenCount, cachedContentTokenCount, 0,
                thoughtsTokenCount, false);
    }
}
