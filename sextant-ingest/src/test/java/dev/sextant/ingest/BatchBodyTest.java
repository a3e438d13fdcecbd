package dev.sextant.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.WorkspaceId;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Problems of the whole body: unreadable, wrong shape, too many items, too many bytes. */
class BatchBodyTest {
    private static final WorkspaceId WS = WorkspaceId.of("ws-body");
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    private final NativeBatchParser parser = new NativeBatchParser(10_000, 3);

    @Test
    void invalidJsonSaysWhereAndWhy() {
        assertMalformed("{\"batch\": [}",
                "request body is not valid JSON at line 1, column 12: Unexpected close marker '}': expected ']'");
    }

    @Test
    void nanAndInfinityLiteralsAreNotJson() {
        assertMalformed("{\"batch\": [{\"type\": \"span\", \"body\": {\"confidence\": NaN}}]}",
                "request body is not valid JSON at line 1, column 55: NaN is not a JSON number; JSON has no NaN or"
                        + " Infinity: send null or leave the field out");
        assertMalformed("{\"batch\": [\n{\"type\": \"span\", \"body\": {\"cost_usd\": -Infinity}}]}",
                "request body is not valid JSON at line 2, column 48: -Infinity is not a JSON number; JSON has no NaN"
                        + " or Infinity: send null or leave the field out");
    }

    @Test
    void theBodyMustBeAnObjectWithABatchArray() {
        assertMalformed("", "request body is empty; expected {\"batch\": [...]}");
        assertMalformed("[]", "request body must be a JSON object {\"batch\": [...]}, was an array at line 1, column 1");
        assertMalformed("{}", "request body has no \"batch\" array; expected {\"batch\": [...]}");
        assertMalformed("{\"items\": []}", "request body has no \"batch\" array; expected {\"batch\": [...]}");
        assertMalformed("{\"batch\": {}}", "\"batch\" must be an array of items, was an object at line 1, column 11");
        assertMalformed("{\"batch\": null}", "\"batch\" must be an array of items, was null at line 1, column 11");
        assertMalformed("{\"batch\": [], \"batch\": []}", "\"batch\" appears twice at line 1, column 24");
        assertMalformed("{\"batch\": []} {}", "request body has content after its JSON object at line 1, column 15");
    }

    @Test
    void tooManyItemsIsRefusedAsAWhole() {
        String item = "{\"type\": \"session\", \"body\": {\"id\": \"se-1\"}}";
        assertMalformed("{\"batch\": [" + item + "," + item + "," + item + "," + item + "]}",
                "\"batch\" has more than 3 items at line 1, column 144; split it into smaller batches");
        assertThat(parse("{\"batch\": [" + item + "," + item + "," + item + "]}").acceptedCount()).isEqualTo(3);
    }

    @Test
    void tooDeepNestingIsRefused() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThatThrownBy(() -> parse("{\"batch\": [{\"type\": \"trace\", \"body\": {\"metadata\": " + deep + "}}]}"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("request body breaks a parser limit at line 1, column ")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileReading() {
        String padding = " ".repeat(10_000);
        assertThatThrownBy(() -> parse("{\"batch\": []}" + padding))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.limitBytes()).isEqualTo(10_000))
                .hasMessage("request body is larger than the limit of 10000 bytes; split the batch into smaller ones");
        // Exactly at the limit is fine.
        String body = "{\"batch\": []}";
        assertThat(parse(body + " ".repeat(10_000 - body.length())).acceptedCount()).isZero();
    }

    @Test
    void anEndlessBodyIsCutAtTheLimit() {
        InputStream endless = new InputStream() {
            private long n;

            @Override
            public int read() {
                return n++ == 0 ? '{' : ' ';
            }
        };
        assertThatThrownBy(() -> parser.parse(WS, endless, NOW)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void anEmptyBatchAndUnknownTopLevelFieldsAreFine() {
        NativeBatchParser.Parsed parsed = parse("{\"version\": 2, \"sdk\": {\"name\": \"x\"}, \"batch\": []}");
        assertThat(parsed.acceptedCount()).isZero();
        assertThat(parsed.rejected()).isEmpty();
    }

    private void assertMalformed(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedBodyException.class).hasMessage(message);
    }

    private NativeBatchParser.Parsed parse(String json) {
        return parser.parse(WS, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), NOW);
    }
}
