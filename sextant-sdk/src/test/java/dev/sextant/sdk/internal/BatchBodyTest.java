package dev.sextant.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire format of DESIGN.md §4: snake_case, unset fields left out, text passed through unchanged. */
class BatchBodyTest {
    @Test
    void spansAreWrittenInTheNativeWireFormat() {
        SpanRecord span = new SpanRecord("s-1", "t-1", null, "llm");
        span.name = "generate \"quoted\" 🚀";
        span.model = "gpt-4o-mini";
        span.hasUsage = true;
        span.inputTokens = 1000;
        span.outputTokens = 500;
        span.costUsd = new BigDecimal("0.0042");
        span.startedAt = Instant.parse("2026-11-01T10:00:00.100Z");
        span.attribute("file", "V7.sql");
        span.input = Map.of("question", "where?");

        assertThat(new String(BatchBody.of(List.of(span)), StandardCharsets.UTF_8)).isEqualTo(
                "{\"batch\":[{\"type\":\"span\",\"body\":{\"id\":\"s-1\",\"trace_id\":\"t-1\",\"kind\":\"llm\","
                        + "\"name\":\"generate \\\"quoted\\\" 🚀\",\"started_at\":\"2026-11-01T10:00:00.100Z\","
                        + "\"model\":\"gpt-4o-mini\",\"usage\":{\"input_tokens\":1000,\"output_tokens\":500,"
                        + "\"cache_read_tokens\":0,\"cache_write_tokens\":0,\"reasoning_tokens\":0},"
                        + "\"cost_usd\":0.0042,\"attributes\":{\"file\":\"V7.sql\"},"
                        + "\"input\":{\"question\":\"where?\"}}}]}");
    }

    @Test
    void decisionsScoresAndSessionsKeepTheirFields() {
        SpanRecord decision = new SpanRecord("s-2", "t-1", "s-1", "decision");
        decision.decisionPoint = "route";
        decision.chosen = "answer";
        decision.alternatives = List.of("answer", "handoff");
        decision.confidence = 0.92;
        ScoreRecord score = new ScoreRecord("f-1", "t-1", null, "user_rating", 5.0, null, "fast", "api", null, null);
        SessionRecord session = new SessionRecord("sess-1", "u-4", null, null, Instant.parse("2026-11-01T10:00:00Z"), null);

        assertThat(new String(BatchBody.of(List.of(decision, score, session)), StandardCharsets.UTF_8)).isEqualTo(
                "{\"batch\":[{\"type\":\"span\",\"body\":{\"id\":\"s-2\",\"trace_id\":\"t-1\",\"parent_id\":\"s-1\","
                        + "\"kind\":\"decision\",\"decision\":{\"point\":\"route\",\"chosen\":\"answer\","
                        + "\"alternatives\":[\"answer\",\"handoff\"]},\"confidence\":0.92}},"
                        + "{\"type\":\"score\",\"body\":{\"id\":\"f-1\",\"trace_id\":\"t-1\",\"name\":\"user_rating\","
                        + "\"value\":5.0,\"comment\":\"fast\",\"source\":\"api\"}},"
                        + "{\"type\":\"session\",\"body\":{\"id\":\"sess-1\",\"user_id\":\"u-4\","
                        + "\"started_at\":\"2026-11-01T10:00:00Z\"}}]}");
    }
}
