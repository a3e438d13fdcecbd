package dev.sextant.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.context.ContextItem;
import dev.sextant.store.context.ContextItems;
import dev.sextant.store.context.ContextOwner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code context} of trace and session bodies → typed items; repeats of a record keep the last context sent. */
class ContextItemsTest {
    private static final WorkspaceId WS = WorkspaceId.of("ws-context");

    private final NativeBatchParser parser = new NativeBatchParser(IngestSettings.defaults().maxBodyBytes(), 1000);

    private NativeBatchParser.Parsed parse(String body) {
        return parser.parse(WS, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Instant.EPOCH);
    }

    @Test
    void valuesBecomeTypedItems() {
        NativeBatchParser.Parsed parsed = parse("""
                {"batch": [
                  {"type": "trace", "body": {"id": "t-1", "context": {"locale": "de", "history_length": 3.50, "vip": true,
                    "files_open": ["A.java", 7, "B.java"], "skipped": null, "none": [], "big": 12e2}}},
                  {"type": "session", "body": {"id": "s-1", "context": "{\\"git.branch\\": \\"main\\"}"}},
                  {"type": "trace", "body": {"id": "t-2"}}
                ]}""");
        assertThat(parsed.rejected()).isEmpty();
        WorkspaceBatch batch = parsed.accepted().toBatch(s -> s);
        assertThat(batch.contexts()).containsExactly(
                new ContextItems(ContextOwner.TRACE, "t-1", List.of(ContextItem.categorical("locale", "de"),
                        new ContextItem("history_length", "3.5", 3.5), ContextItem.categorical("vip", "true"),
                        ContextItem.categorical("files_open", "A.java"), ContextItem.categorical("files_open", "7"),
                        ContextItem.categorical("files_open", "B.java"), new ContextItem("big", "1200", 1200.0))),
                new ContextItems(ContextOwner.SESSION, "s-1", List.of(ContextItem.categorical("git.branch", "main"))));
        assertThat(batch.sessions().getFirst().context()).isEqualTo("{\"git.branch\":\"main\"}");
    }

    @Test
    void theLastCopyOfARecordWithContextWins() {
        NativeBatchParser.Parsed parsed = parse("""
                {"batch": [
                  {"type": "trace", "body": {"id": "t-1", "context": {"locale": "de"}}},
                  {"type": "trace", "body": {"id": "t-1", "context": {"channel": "web"}}},
                  {"type": "trace", "body": {"id": "t-1", "name": "no context: keeps what came before"}}
                ]}""");
        WorkspaceBatch batch = parsed.accepted().toBatch(s -> s);
        assertThat(batch.contexts()).containsExactly(new ContextItems(ContextOwner.TRACE, "t-1",
                List.of(ContextItem.categorical("channel", "web"))));
    }

    @Test
    void aBadContextRejectsItsRecordOnlyNamingEveryProblem() {
        NativeBatchParser.Parsed parsed = parse("""
                {"batch": [
                  {"type": "trace", "body": {"id": "ok", "context": {"locale": "de"}}},
                  {"type": "trace", "body": {"id": "bad", "context": {"Locale": "de", "a": {"b": 1}, "c": [[1]]}}}
                ]}""");
        assertThat(parsed.acceptedCount()).isEqualTo(1);
        assertThat(parsed.rejected()).hasSize(1);
        assertThat(parsed.rejected().getFirst().error()).isEqualTo("trace \"bad\": context has the type name \"Locale\","
                + " which is not allowed: type names are lower-case identifiers matching [a-z][a-z0-9_.]{0,63}"
                + " (e.g. git_branch, files_open); context.a must be a string, a number, a boolean or an array of strings"
                + " and numbers, was an object; context.c[0] must be a string or a number, was an array");
        assertThat(parsed.accepted().toBatch(s -> s).contexts()).extracting(ContextItems::ownerId).containsExactly("ok");
    }
}
