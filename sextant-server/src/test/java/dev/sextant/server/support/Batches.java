package dev.sextant.server.support;

/** Ingest bodies the tests send. */
public final class Batches {
    private Batches() {}

    /** DESIGN.md §4, verbatim. */
    public static final String DESIGN_EXAMPLE = """
            {"batch": [
              {"type": "trace", "body": {"id": "t-1", "agent_id": "support-bot", "conversation_id": "c-9",
                "user_id": "u-4", "name": "answer", "started_at": "2026-11-01T10:00:00Z",
                "ended_at": "2026-11-01T10:00:01.200Z", "input": "Where is my order?", "output": "...",
                "message_type": "text", "intents": [{"name": "order_status", "confidence": 0.92}],
                "confidence": 0.92, "handoff": {"triggered": false}, "metadata": {"campaign_id": "spring"}}},
              {"type": "span", "body": {"id": "s-1", "trace_id": "t-1", "kind": "llm", "name": "generate",
                "model": "gemini-1.5-flash", "usage": {"input_tokens": 1000, "output_tokens": 500},
                "started_at": "2026-11-01T10:00:00.100Z", "ended_at": "2026-11-01T10:00:01.100Z"}},
              {"type": "span", "body": {"id": "s-2", "trace_id": "t-1", "kind": "decision",
                "name": "route", "decision": {"point": "route", "chosen": "answer",
                "alternatives": ["answer", "handoff"], "reasoning": "known intent"}, "confidence": 0.92}},
              {"type": "score", "body": {"id": "f-1", "trace_id": "t-1", "name": "user_rating",
                "value": 5, "comment": "fast"}}
            ]}
            """;

    /** One trace with an id and agent, nothing else. */
    public static String trace(String id, String agent, String startedAt) {
        return """
                {"batch": [{"type": "trace", "body": {"id": "%s", "agent_id": "%s", "started_at": "%s"}}]}
                """.formatted(id, agent, startedAt);
    }
}
