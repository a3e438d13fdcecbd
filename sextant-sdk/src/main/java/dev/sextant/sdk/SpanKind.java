package dev.sextant.sdk;

/** What a span is; the wire names are the server's span kinds. */
public enum SpanKind {
    AGENT("agent"), LLM("llm"), TOOL("tool"), DECISION("decision"), RETRIEVAL("retrieval"), HANDOFF("handoff"),
    CODE_GENERATION("code_generation"), LEARNING("learning"), EVENT("event"), CUSTOM("custom");

    private final String wire;

    SpanKind(String wire) {
        this.wire = wire;
    }

    /** The name sent to the server, e.g. {@code code_generation}. */
    public String wireName() {
        return wire;
    }
}
