package dev.sextant.otlp;

import dev.sextant.model.Usage;

/**
 * Token counts → {@link Usage} (the GenAI convention: input includes cache reads and writes,
 * output includes reasoning). New GenAI names first, then the old ones, then OpenInference's.
 * A producer whose cache counts exceed its input (Anthropic-style counts, input without cache)
 * or whose reasoning exceeds its output (Gemini-style) reported them beside, not inside: they
 * are added, so each token is priced once in its own bucket.
 */
final class UsageMapping {
    private UsageMapping() {}

    static Usage usage(SpanAttributes a) {
        Long input = a.count("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt");
        Long output = a.count("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens",
                "llm.token_count.completion");
        long cacheRead = orZero(a.count("gen_ai.usage.cache_read.input_tokens",
                "gen_ai.usage.cache_read_input_tokens", "llm.token_count.prompt_details.cache_read"));
        long cacheWrite = orZero(a.count("gen_ai.usage.cache_creation.input_tokens",
                "gen_ai.usage.cache_creation_input_tokens", "llm.token_count.prompt_details.cache_write"));
        long reasoning = orZero(a.count("gen_ai.usage.reasoning.output_tokens",
                "llm.token_count.completion_details.reasoning"));
        if (input == null && output == null && cacheRead == 0 && cacheWrite == 0 && reasoning == 0) {
            return null;
        }
        long in = orZero(input);
        long out = orZero(output);
        if (cacheRead + cacheWrite > in) {
            in += cacheRead + cacheWrite;
        }
        if (reasoning > out) {
            out += reasoning;
        }
        return new Usage(in, out, cacheRead, cacheWrite, reasoning, false);
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }
}
