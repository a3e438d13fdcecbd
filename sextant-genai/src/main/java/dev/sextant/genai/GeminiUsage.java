package dev.sextant.genai;

import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import java.util.Optional;

/**
 * Gemini's {@code usageMetadata} in Sextant's terms (the OpenTelemetry GenAI convention: input
 * includes cached tokens, output includes reasoning). Gemini counts differently, so:
 * <ul>
 *   <li>input = {@code promptTokenCount} (already includes {@code cachedContentTokenCount}) +
 *       {@code toolUsePromptTokenCount} (tool results fed back to the model, counted apart and
 *       billed as input);</li>
 *   <li>output = {@code candidatesTokenCount} + {@code thoughtsTokenCount} (candidates exclude
 *       thoughts, which are billed at the output price);</li>
 *   <li>cache read = {@code cachedContentTokenCount}; reasoning = {@code thoughtsTokenCount};
 *       Gemini reports no cache writes (explicit caches are created and billed apart).</li>
 * </ul>
 * A count Gemini leaves out is 0.
 */
public record GeminiUsage(long inputTokens, long outputTokens, long cacheReadTokens, long reasoningTokens) {

    public GeminiUsage {
        if (inputTokens < 0 || outputTokens < 0 || cacheReadTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative, were input " + inputTokens
                    + ", output " + outputTokens + ", cache read " + cacheReadTokens + ", reasoning " + reasoningTokens);
        }
    }

    public static GeminiUsage of(GenerateContentResponseUsageMetadata metadata) {
        long prompt = count(metadata.promptTokenCount());
        long toolUse = count(metadata.toolUsePromptTokenCount());
        long candidates = count(metadata.candidatesTokenCount());
        long thoughts = count(metadata.thoughtsTokenCount());
        long cached = count(metadata.cachedContentTokenCount());
        return new GeminiUsage(prompt + toolUse, candidates + thoughts, cached, thoughts);
    }

    /** The response's usage, if it carries any (a streamed response carries it on its chunks, complete on the last). */
    public static Optional<GeminiUsage> of(GenerateContentResponse response) {
        return response == null ? Optional.empty() : response.usageMetadata().map(GeminiUsage::of);
    }

    private static long count(Optional<Integer> count) {
        return Math.max(0, count.orElse(0));
    }
}
