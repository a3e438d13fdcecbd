package dev.sextant.model;

/**
 * Token usage of one LLM call, in the OpenTelemetry GenAI convention: {@code inputTokens}
 * includes cache reads and cache writes, {@code outputTokens} includes reasoning tokens. The
 * disjoint buckets that are priced separately come from {@link #plainInput()} and
 * {@link #plainOutput()}. {@code estimated} marks counts we computed from text, not reported.
 */
public record Usage(
        long inputTokens,
        long outputTokens,
        long cacheReadTokens,
        long cacheWriteTokens,
        long reasoningTokens,
        boolean estimated) {

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cacheReadTokens < 0 || cacheWriteTokens < 0
                || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (cacheReadTokens + cacheWriteTokens > inputTokens) {
            throw new IllegalArgumentException("cache tokens exceed input tokens");
        }
        if (reasoningTokens > outputTokens) {
            throw new IllegalArgumentException("reasoning tokens exceed output tokens");
        }
    }

    public static Usage of(long input, long output) {
        return new Usage(input, output, 0, 0, 0, false);
    }

    public long plainInput() {
        return inputTokens - cacheReadTokens - cacheWriteTokens;
    }

    public long plainOutput() {
        return outputTokens - reasoningTokens;
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
