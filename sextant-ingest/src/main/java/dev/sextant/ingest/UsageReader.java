package dev.sextant.ingest;

import dev.sextant.model.Usage;

/**
 * A span's {@code usage} object, in the OpenTelemetry GenAI convention: {@code input_tokens}
 * INCLUDES cache reads and writes, {@code output_tokens} INCLUDES reasoning tokens. Counts a
 * client leaves out are 0.
 */
final class UsageReader {
    private UsageReader() {}

    static Usage read(FieldReader span) {
        FieldReader u = span.object("usage");
        if (u == null) {
            return null;
        }
        Long input = u.tokens("input_tokens");
        Long output = u.tokens("output_tokens");
        Long cacheRead = u.tokens("cache_read_tokens");
        Long cacheWrite = u.tokens("cache_write_tokens");
        Long reasoning = u.tokens("reasoning_tokens");
        if (input == null && u.value("input_tokens") != null || output == null && u.value("output_tokens") != null
                || cacheRead == null && u.value("cache_read_tokens") != null
                || cacheWrite == null && u.value("cache_write_tokens") != null
                || reasoning == null && u.value("reasoning_tokens") != null) {
            return null;
        }
        long in = orZero(input);
        long out = orZero(output);
        long read = orZero(cacheRead);
        long write = orZero(cacheWrite);
        long thought = orZero(reasoning);
        boolean consistent = true;
        if (read > in || write > in - read) {
            span.problems().add("usage.cache_read_tokens (" + read + ") + usage.cache_write_tokens (" + write
                    + ") exceed usage.input_tokens (" + in + "): input_tokens must INCLUDE cache reads and writes"
                    + " (OpenTelemetry GenAI convention); Anthropic reports input_tokens without them, so send"
                    + " input_tokens + cache_read_input_tokens + cache_creation_input_tokens as input_tokens");
            consistent = false;
        }
        if (thought > out) {
            span.problems().add("usage.reasoning_tokens (" + thought + ") exceed usage.output_tokens (" + out
                    + "): output_tokens must INCLUDE reasoning tokens (OpenTelemetry GenAI convention); Gemini"
                    + " reports candidatesTokenCount without thoughtsTokenCount, so send their sum as output_tokens");
            consistent = false;
        }
        return consistent ? new Usage(in, out, read, write, thought, false) : null;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
