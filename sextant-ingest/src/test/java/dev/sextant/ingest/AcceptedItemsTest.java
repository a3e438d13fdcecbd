package dev.sextant.ingest;

import static dev.sextant.ingest.ItemValidationTest.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.CostSource;
import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.WorkspaceBatch;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Valid items map onto the model records exactly, strings pass through unchanged. */
class AcceptedItemsTest {
    private static final WorkspaceId WS = WorkspaceId.of("ws-accepted");
    private static final Instant RECEIVED = Instant.parse("2026-11-01T12:00:00Z");

    private final NativeBatchParser parser = new NativeBatchParser(IngestSettings.defaults().maxBodyBytes(), 50_000);

    @Test
    void theDesignExampleMapsOntoTheModel() {
        WorkspaceBatch batch = accept(4, """
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
                ]}""");

        assertThat(batch.traces()).containsExactly(new Trace("t-1", "support-bot", null, "c-9", "u-4", "answer",
                "Where is my order?", "...", null, null, Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:00:01.200Z"), "text", List.of(new Intent("order_status", 0.92)), 0.92,
                new Handoff(false, null, null), null, null, null, null, null, "{\"campaign_id\":\"spring\"}"));
        assertThat(batch.spans()).containsExactly(
                new Span("s-1", "t-1", null, SpanKind.LLM, "generate", null, null,
                        Instant.parse("2026-11-01T10:00:00.100Z"), Instant.parse("2026-11-01T10:00:01.100Z"),
                        "gemini-1.5-flash", null, Usage.of(1000, 500), null, null, null, null, null, null, null, null,
                        null),
                new Span("s-2", "t-1", null, SpanKind.DECISION, "route", null, null, null, null, null, null, null,
                        null, null, null, new Decision("route", "answer", List.of("answer", "handoff"), "known intent"),
                        0.92, null, null, null, null));
        assertThat(batch.scores()).containsExactly(
                new Score("f-1", "t-1", null, "user_rating", 5.0, null, "fast", null, null, RECEIVED));
    }

    @Test
    void timestampsWithAnOffsetAreNormalisedToUtc() {
        WorkspaceBatch batch = accept(1, q("{'batch':[{'type':'session','body':{'id':'se-1',"
                + "'started_at':'2026-11-01T12:00:00+02:00','ended_at':'2026-11-01t10:30:00.123456z'}}]}"));
        assertThat(batch.sessions()).containsExactly(new Session("se-1", null, null, null,
                Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:30:00.123456Z")));
    }

    @Test
    void aTraceWithoutStartedAtLeavesItToTheStore() {
        // the store settles a new trace's start and keeps a stored one (storage contract)
        WorkspaceBatch batch = accept(2, q("{'batch':[{'type':'trace','body':{'id':'t-1'}},"
                + "{'type':'trace','body':{'id':'t-2','ended_at':'2026-11-01T11:00:00Z'}}]}"));
        assertThat(batch.traces()).extracting(Trace::startedAt).containsExactly(null, null);
    }

    @Test
    void unicodeAndSqlMetacharactersPassThroughUnchanged() {
        String hostile = "Robert'); DROP TABLE spans;-- \\\" % _ \u202Eשלום مرحبا 🤖🧭 \u00e9\u0301 \\\\";
        String json = "{\"batch\":[{\"type\":\"span\",\"body\":{\"id\":\"s-🤖-' OR 1=1 --\",\"trace_id\":\"t-1\","
                + "\"name\":\"" + hostile + "\",\"input\":\"" + hostile + "\",\"attributes\":{\"k\":\"" + hostile
                + "\"}}}]}";
        Span span = accept(1, json).spans().getFirst();
        String expected = "Robert'); DROP TABLE spans;-- \" % _ \u202Eשלום مرحبا 🤖🧭 \u00e9\u0301 \\";
        assertThat(span.id()).isEqualTo("s-🤖-' OR 1=1 --");
        assertThat(span.name()).isEqualTo(expected);
        assertThat(span.input()).isEqualTo(expected);
        assertThat(span.attributes()).isEqualTo("{\"k\":\"" + hostile + "\"}");
    }

    @Test
    void jsonValuedFieldsAreKeptAsCompactJsonText() {
        Span span = accept(1, q("{'batch':[{'type':'span','body':{'id':'s-1','trace_id':'t-1',"
                + "'input':{ 'messages' : [ {'role':'user','content':'hi'} ] },'output':42,"
                + "'attributes':'{ \\'a\\' : [1, 2.50] }'}}]}")).spans().getFirst();
        assertThat(span.input()).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(span.output()).isEqualTo("42");
        assertThat(span.attributes()).isEqualTo("{\"a\":[1,2.50]}");

        Trace trace = accept(1, q("{'batch':[{'type':'trace','body':{'id':'t-1','metadata':'plain words'}}]}"))
                .traces().getFirst();
        assertThat(trace.metadata()).isEqualTo("\"plain words\"");
    }

    @Test
    void aReportedCostIsKeptAsReported() {
        WorkspaceBatch batch = accept(2, q("{'batch':[{'type':'span','body':{'id':'s-1','trace_id':'t-1',"
                + "'cost_usd':'0.0042'}},{'type':'span','body':{'id':'s-2','trace_id':'t-1','cost_usd':0.1}}]}"));
        assertThat(batch.spans()).extracting(Span::costUsd, Span::costSource).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.0042"), CostSource.REPORTED),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.1"), CostSource.REPORTED));
    }

    @Test
    void fullUsageIsRead() {
        Span span = accept(1, q("{'batch':[{'type':'span','body':{'id':'s-1','trace_id':'t-1','status':'error',"
                + "'error':'boom','usage':{'input_tokens':1000,'output_tokens':500,'cache_read_tokens':600,"
                + "'cache_write_tokens':400,'reasoning_tokens':500}}}]}")).spans().getFirst();
        assertThat(span.usage()).isEqualTo(new Usage(1000, 500, 600, 400, 500, false));
        assertThat(span.status()).isEqualTo(Status.ERROR);
    }

    @Test
    void scoresTakeNumbersStringsAndBooleans() {
        WorkspaceBatch batch = accept(3, q("{'batch':["
                + "{'type':'score','body':{'id':'f-1','trace_id':'t-1','name':'thumbs','value':true,'source':'user'}},"
                + "{'type':'score','body':{'id':'f-2','trace_id':'t-1','name':'quality','value':'good',"
                + "'created_at':'2026-11-01T09:00:00Z'}},"
                + "{'type':'score','body':{'id':'f-3','trace_id':'t-1','span_id':'s-1','name':'acc','value':0.75}}]}"));
        assertThat(batch.scores()).extracting(Score::value, Score::stringValue, Score::createdAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1.0, null, RECEIVED),
                org.assertj.core.groups.Tuple.tuple(null, "good", Instant.parse("2026-11-01T09:00:00Z")),
                org.assertj.core.groups.Tuple.tuple(0.75, null, RECEIVED));
    }

    @Test
    void repeatedIdsMergeInOrderAndEachCopyCountsAsAccepted() {
        WorkspaceBatch batch = accept(3, q("{'batch':["
                + "{'type':'span','body':{'id':'s-1','trace_id':'t-1','kind':'llm','model':'gpt-4o',"
                + "'started_at':'2026-11-01T10:00:00Z','name':'first'}},"
                + "{'type':'trace','body':{'id':'s-1','started_at':'2026-11-01T10:00:00Z'}},"
                + "{'type':'span','body':{'id':'s-1','ended_at':'2026-11-01T10:00:02Z','name':'second',"
                + "'trace_id':'t-1','usage':{'input_tokens':10,'output_tokens':5}}}]}"));
        assertThat(batch.traces()).hasSize(1);
        assertThat(batch.spans()).containsExactly(new Span("s-1", "t-1", null, SpanKind.LLM, "second", null, null,
                Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:00:02Z"), "gpt-4o", null,
                Usage.of(10, 5), null, null, null, null, null, null, null, null, null));
    }

    @Test
    void unknownFieldsAreIgnored() {
        WorkspaceBatch batch = accept(1, q("{'batch':[{'type':'trace','version':3,'body':{'id':'t-1',"
                + "'started_at':'2026-11-01T10:00:00Z','future_field':{'x':[1,2]},'another':null}}]}"));
        assertThat(batch.traces()).extracting(Trace::id).containsExactly("t-1");
    }

    private WorkspaceBatch accept(int expected, String json) {
        NativeBatchParser.Parsed parsed = parser.parse(WS, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                RECEIVED);
        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.acceptedCount()).isEqualTo(expected);
        return parsed.accepted().toBatch(s -> s);
    }
}
