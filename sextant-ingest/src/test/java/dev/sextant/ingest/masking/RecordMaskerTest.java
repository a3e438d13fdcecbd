package dev.sextant.ingest.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.pii.MaskCounts;
import dev.sextant.pii.MaskingRules;
import dev.sextant.pii.TextMasker;
import dev.sextant.store.WorkspaceBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RecordMaskerTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private static MaskingRules rules(String json) {
        MaskingRulesJson.Read read = MaskingRulesJson.read(JsonMapper.builder().build().readTree(json));
        assertThat(read.problems()).isEmpty();
        return read.rules();
    }

    @Test
    void everyFreeTextFieldAndJsonStringIsMaskedEvenBehindAnEscape() {
        RecordMasker masker = new RecordMasker(new TextMasker(rules("{\"detectors\": {\"email\": {\"action\": \"mask\"}},"
                + " \"hash_user_ids\": true}"), SECRET));
        Trace trace = new Trace("t", null, null, null, "u-1", "n", "in a@example.com", "out a@example.com", null,
                "err a@example.com", null, null, null, null, null, null, null, null, null, null, List.of("a@example.com", "x"),
                "{\"mail\": \"a\\u0040example.com\", \"a@example.com\": 1, \"n\": [1, \"b@example.com\"]}");
        Span span = new Span("s", "t", null, SpanKind.TOOL, "n", null, null, null, null, null, null, null, null, null, null,
                null, null, null, "{\"k\": \"4111111111111111\"}", "in", "out");
        Score score = new Score("f", "t", null, "r", 1.0, null, "c a@example.com", "user", "u-1", null);
        Session session = new Session("ss", "u-1", null, "{\"c\": \"a@example.com\"}", null, null);
        MaskCounts counts = new MaskCounts();
        WorkspaceBatch out = masker.mask(new WorkspaceBatch(WorkspaceId.of("w"), List.of(trace), List.of(span),
                List.of(score), List.of(session)), counts);
        Trace t = out.traces().get(0);
        assertThat(t.input()).isEqualTo("in [EMAIL]");
        assertThat(t.output()).isEqualTo("out [EMAIL]");
        assertThat(t.error()).isEqualTo("err [EMAIL]");
        assertThat(t.tags()).containsExactly("[EMAIL]", "x");
        assertThat(t.metadata()).isEqualTo("{\"mail\":\"[EMAIL]\",\"[EMAIL]\":1,\"n\":[1,\"[EMAIL]\"]}");
        assertThat(t.userId()).startsWith("uh_").isEqualTo(out.scores().get(0).userId()).isEqualTo(out.sessions().get(0).userId());
        assertThat(out.spans().get(0).attributes()).isEqualTo("{\"k\":\"[PAYMENT_CARD]\"}");
        assertThat(out.scores().get(0).comment()).isEqualTo("c [EMAIL]");
        assertThat(out.sessions().get(0).context()).isEqualTo("{\"c\":\"[EMAIL]\"}");
        assertThat(counts.asMap().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
    }

    @Test
    void untouchedJsonKeepsItsExactText() {
        RecordMasker masker = new RecordMasker(new TextMasker(MaskingRules.defaults(), SECRET));
        String attrs = "{ \"region\" : \"eu-west-1\",\"n\":1.50 }";
        Span span = new Span("s", "t", null, SpanKind.TOOL, "n", null, null, null, null, null, null, null, null, null, null,
                null, null, null, attrs, "in", "out");
        WorkspaceBatch out = masker.mask(new WorkspaceBatch(WorkspaceId.of("w"), List.of(), List.of(span), List.of(),
                List.of()), new MaskCounts());
        assertThat(out.spans().get(0).attributes()).isSameAs(attrs);
    }
}
