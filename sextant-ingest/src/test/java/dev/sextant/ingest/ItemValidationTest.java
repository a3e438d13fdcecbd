package dev.sextant.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.WorkspaceBatch;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad item is refused alone, with the exact message a person reads, while the
 * good items around it in the same request are accepted.
 */
class ItemValidationTest {
    private static final WorkspaceId WS = WorkspaceId.of("ws-validation");
    private static final String GOOD_TRACE = q("{'type':'trace','body':{'id':'t-ok','started_at':'2026-11-01T10:00:00Z'}}");
    private static final String GOOD_SPAN = q("{'type':'span','body':{'id':'s-ok','trace_id':'t-ok','kind':'llm'}}");
    private static final String KINDS =
            "agent, llm, tool, decision, retrieval, handoff, code_generation, learning, event, custom";

    private final NativeBatchParser parser = new NativeBatchParser(IngestSettings.defaults().maxBodyBytes(), 50_000);

    /** JSON written with single quotes, for readability. */
    static String q(String json) {
        return json.replace('\'', '"');
    }

    static Stream<Arguments> badItems() {
        String x1025 = "x".repeat(1025);
        String bigText = "y".repeat(1024 * 1024 + 1);
        String bigJson = "z".repeat(256 * 1024);
        return Stream.of(
                // ids
                arguments(q("{'type':'span','body':{'trace_id':'t-1','kind':'llm'}}"), null, "span: id is missing"),
                arguments(q("{'type':'span','body':{'id':'   ','trace_id':'t-1'}}"), null, "span: id must not be blank"),
                arguments(q("{'type':'span','body':{'id':'" + "i".repeat(257) + "','trace_id':'t-1'}}"), null,
                        "span: id is 257 characters long, over the limit of 256"),
                arguments(q("{'type':'span','body':{'id':'s\\n1','trace_id':'t-1'}}"), null,
                        "span: id contains the control character U+000A at position 1; ids must be printable"),
                arguments(q("{'type':'span','body':{'id':42,'trace_id':'t-1'}}"), null, "span: id must be a string, was 42"),
                arguments(q("{'type':'span','body':{'id':'s-9'}}"), "s-9", "span \"s-9\": trace_id is missing"),
                arguments(q("{'type':'span','body':{'id':'s-9','trace_id':'t-1','parent_id':true}}"), "s-9",
                        "span \"s-9\": parent_id must be a string, was true"),
                // tokens
                arguments(span("'usage':{'input_tokens':-5}"), "s-9",
                        "span \"s-9\": usage.input_tokens must be a non-negative integer, was -5"),
                arguments(span("'usage':{'input_tokens':1.5}"), "s-9",
                        "span \"s-9\": usage.input_tokens must be a non-negative integer, was 1.5"),
                arguments(span("'usage':{'output_tokens':'100'}"), "s-9",
                        "span \"s-9\": usage.output_tokens must be a non-negative integer, was the string \"100\""),
                arguments(span("'usage':{'output_tokens':true}"), "s-9",
                        "span \"s-9\": usage.output_tokens must be a non-negative integer, was true"),
                arguments(span("'usage':{'input_tokens':'NaN'}"), "s-9",
                        "span \"s-9\": usage.input_tokens must be a non-negative integer, was the string \"NaN\""),
                arguments(span("'usage':{'input_tokens':99999999999999999999}"), "s-9",
                        "span \"s-9\": usage.input_tokens must be a non-negative integer, was 99999999999999999999"),
                arguments(span("'usage':7"), "s-9", "span \"s-9\": usage must be an object, was 7"),
                arguments(span("'usage':{'input_tokens':100,'cache_read_tokens':80,'cache_write_tokens':30}"), "s-9",
                        "span \"s-9\": usage.cache_read_tokens (80) + usage.cache_write_tokens (30) exceed"
                                + " usage.input_tokens (100): input_tokens must INCLUDE cache reads and writes"
                                + " (OpenTelemetry GenAI convention); Anthropic reports input_tokens without them,"
                                + " so send input_tokens + cache_read_input_tokens + cache_creation_input_tokens"
                                + " as input_tokens"),
                arguments(span("'usage':{'output_tokens':10,'reasoning_tokens':11}"), "s-9",
                        "span \"s-9\": usage.reasoning_tokens (11) exceed usage.output_tokens (10): output_tokens"
                                + " must INCLUDE reasoning tokens (OpenTelemetry GenAI convention); Gemini reports"
                                + " candidatesTokenCount without thoughtsTokenCount, so send their sum as"
                                + " output_tokens"),
                // numbers and money
                arguments(span("'confidence':'NaN'"), "s-9",
                        "span \"s-9\": confidence must be a number from 0 to 1, was the string \"NaN\""),
                arguments(span("'confidence':1.5"), "s-9", "span \"s-9\": confidence must be a number from 0 to 1, was 1.5"),
                arguments(span("'confidence':-0.1"), "s-9", "span \"s-9\": confidence must be a number from 0 to 1, was -0.1"),
                arguments(span("'cost_usd':'-0.01'"), "s-9", "span \"s-9\": cost_usd must be a non-negative amount of"
                        + " US dollars (a number or a decimal string such as \"0.0042\"), was the string \"-0.01\""),
                arguments(span("'cost_usd':'NaN'"), "s-9", "span \"s-9\": cost_usd must be a non-negative amount of"
                        + " US dollars (a number or a decimal string such as \"0.0042\"), was the string \"NaN\""),
                arguments(span("'cost_usd':false"), "s-9", "span \"s-9\": cost_usd must be a non-negative amount of"
                        + " US dollars (a number or a decimal string such as \"0.0042\"), was false"),
                // times
                arguments(span("'started_at':'2026-11-01T10:00:01Z','ended_at':'2026-11-01T10:00:00Z'"), "s-9",
                        "span \"s-9\": ended_at (2026-11-01T10:00:00Z) is before started_at (2026-11-01T10:00:01Z)"),
                arguments(span("'started_at':'2026-11-01T10:00:00'"), "s-9", "span \"s-9\": started_at must be an"
                        + " RFC 3339 timestamp with an offset, such as 2026-11-01T10:00:00Z, was the string"
                        + " \"2026-11-01T10:00:00\" (no offset: add Z for UTC)"),
                arguments(span("'ended_at':1730455200"), "s-9", "span \"s-9\": ended_at must be an RFC 3339 timestamp"
                        + " with an offset, such as 2026-11-01T10:00:00Z, was 1730455200"),
                arguments(span("'started_at':'yesterday'"), "s-9", "span \"s-9\": started_at must be an RFC 3339"
                        + " timestamp with an offset, such as 2026-11-01T10:00:00Z, was the string \"yesterday\""),
                // words from a fixed set
                arguments(span("'kind':'thought'"), "s-9", "span \"s-9\": kind \"thought\" is not one of " + KINDS),
                arguments(span("'kind':3"), "s-9", "span \"s-9\": kind must be one of " + KINDS + ", was 3"),
                arguments(span("'status':'done'"), "s-9", "span \"s-9\": status \"done\" is not one of ok, error, unset"),
                arguments(q("{'type':'event','body':{'id':'e-1'}}"), null, "type \"event\" is not one of trace, span, score, session"),
                arguments(q("{'body':{'id':'e-1'}}"), null, "type is missing; it must be one of trace, span, score, session"),
                arguments(q("{'type':['span'],'body':{'id':'e-1'}}"), null,
                        "type must be one of trace, span, score, session, was an array"),
                arguments(q("{'type':'span','body':'s-1'}"), null, "span: body must be an object, was the string \"s-1\""),
                arguments(q("{'type':'span'}"), null, "span: body must be an object, was missing"),
                arguments("42", null, "item must be an object {\"type\": ..., \"body\": {...}}, was 42"),
                // wrong types in nested objects
                arguments(span("'name':42"), "s-9", "span \"s-9\": name must be a string, was 42"),
                arguments(span("'decision':{'alternatives':['a',7]}"), "s-9",
                        "span \"s-9\": decision.alternatives[1] must be a string, was 7"),
                arguments(trace("'handoff':{'triggered':'yes'}"), "t-9",
                        "trace \"t-9\": handoff.triggered must be true or false, was the string \"yes\""),
                arguments(trace("'intents':[{'name':'order','confidence':1.2}]"), "t-9",
                        "trace \"t-9\": intents[0].confidence must be a number from 0 to 1, was 1.2"),
                arguments(trace("'intents':[{'confidence':0.5}]"), "t-9", "trace \"t-9\": intents[0].name is missing"),
                arguments(trace("'intents':['order']"), "t-9",
                        "trace \"t-9\": intents[0] must be an object, was the string \"order\""),
                arguments(trace("'tags':'a,b'"), "t-9", "trace \"t-9\": tags must be an array, was the string \"a,b\""),
                arguments(trace("'context_size':-1"), "t-9",
                        "trace \"t-9\": context_size must be a non-negative integer below 2^31, was -1"),
                arguments(trace("'started_at':'2026-11-01T10:00:01Z','ended_at':'2026-11-01T10:00:00Z'"), "t-9",
                        "trace \"t-9\": ended_at (2026-11-01T10:00:00Z) is before started_at (2026-11-01T10:00:01Z)"),
                arguments(q("{'type':'session','body':{'id':'se-1','started_at':'2026-11-01T10:00:01+01:00',"
                        + "'ended_at':'2026-11-01T09:00:00Z'}}"), "se-1", "session \"se-1\": ended_at"
                        + " (2026-11-01T09:00:00Z) is before started_at (2026-11-01T09:00:01Z)"),
                // scores
                arguments(q("{'type':'score','body':{'id':'f-1'}}"), "f-1", "score \"f-1\": trace_id is missing;"
                        + " name is missing; value is missing: send a number (e.g. 5) or a string (e.g. \"good\")"),
                arguments(score("'value':{'stars':5}"), "f-1",
                        "score \"f-1\": value must be a number, a string or a boolean, was an object"),
                arguments(score("'value':5,'source':'robot'"), "f-1",
                        "score \"f-1\": source \"robot\" is not one of user, api, eval, auto"),
                // sizes and NUL
                arguments(span("'name':'" + x1025 + "'"), "s-9",
                        "span \"s-9\": name is 1025 characters long, over the limit of 1024"),
                arguments(trace("'input':'" + bigText + "'"), "t-9",
                        "trace \"t-9\": input is 1048577 characters long, over the limit of 1048576"),
                arguments(span("'attributes':{'k':'" + bigJson + "'}"), "s-9",
                        "span \"s-9\": attributes is 262152 characters long as JSON, over the limit of 262144 (256 KiB)"),
                arguments(span("'input':'ab\\u0000c'"), "s-9", "span \"s-9\": input contains a NUL character"
                        + " (\\u0000) at position 2, which PostgreSQL cannot store; remove it"),
                arguments(trace("'metadata':{'k':'a\\u0000'}"), "t-9", "trace \"t-9\": metadata contains a NUL"
                        + " character (\\u0000), which PostgreSQL cannot store; remove it"),
                // several problems in one item, all reported
                arguments(span("'kind':'thought','usage':{'input_tokens':-5},'confidence':2"), "s-9",
                        "span \"s-9\": kind \"thought\" is not one of " + KINDS
                                + "; usage.input_tokens must be a non-negative integer, was -5"
                                + "; confidence must be a number from 0 to 1, was 2"));
    }

    @ParameterizedTest
    @MethodSource("badItems")
    void aBadItemIsRefusedAloneWithAnExactMessage(String badItem, String id, String error) {
        NativeBatchParser.Parsed parsed = parse("{\"batch\": [" + GOOD_TRACE + ", " + badItem + ", " + GOOD_SPAN + "]}");

        assertThat(parsed.rejected()).containsExactly(new IngestResult.Rejection(1, id, error));
        assertThat(parsed.acceptedCount()).isEqualTo(2);
        WorkspaceBatch batch = parsed.accepted().toBatch(s -> s);
        assertThat(batch.traces()).extracting(t -> t.id()).containsExactly("t-ok");
        assertThat(batch.spans()).extracting(s -> s.id()).containsExactly("s-ok");
    }

    private NativeBatchParser.Parsed parse(String json) {
        return parser.parse(WS, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Instant.parse("2026-11-01T12:00:00Z"));
    }

    private static String span(String fields) {
        return q("{'type':'span','body':{'id':'s-9','trace_id':'t-1'," + fields + "}}");
    }

    private static String trace(String fields) {
        return q("{'type':'trace','body':{'id':'t-9'," + fields + "}}");
    }

    private static String score(String fields) {
        return q("{'type':'score','body':{'id':'f-1','trace_id':'t-1','name':'user_rating'," + fields + "}}");
    }
}
