package dev.sextant.server.personalization;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The known data of the personalization ITs, ingested through the API.
 *
 * <p>November 2026 (weeks from Monday 2, 9, 16 and 23 Nov), for the users list:
 * <pre>
 * ann bot     W0 rated 2, W1 rated 3, W2 rated 4         3 interactions  slope 1      improving, improvement 2
 * ann helper  W3 unrated                                  1              insufficient_weeks
 * bob bot     W0 rated 4, W1 rated 3 + unrated, W3 rated 2 4             slope -9/14  declining, improvement 2
 * cy  bot     W0 rated 5, W1 rated 5                      2              insufficient_weeks, improvement 0
 * (no user)   W0 rated 1                                  not listed
 * </pre>
 * October 2026, for segments: six "morning" users m-01..m-06 (two text interactions at 09:00 UTC,
 * 10-character questions, 50-character answers, rated 5) and six "night" users n-01..n-06 (two
 * voice interactions at 02:00 UTC, 10-character questions, 400-character answers, one handed off,
 * rated 2).
 */
final class PersonalizationTraffic {
    static final String NOVEMBER = "from=2026-11-02T00:00:00Z&to=2026-11-30T00:00:00Z";
    static final String OCTOBER = "from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z";

    private final List<String> items = new ArrayList<>();

    static void ingest(SextantTestServer server) {
        PersonalizationTraffic t = new PersonalizationTraffic();
        t.interaction("n-ann-0", "ann", "bot", "2026-11-02T10:00:00Z", "text", 2);
        t.interaction("n-ann-1", "ann", "bot", "2026-11-09T10:00:00Z", "text", 3);
        t.interaction("n-ann-2", "ann", "bot", "2026-11-16T10:00:00Z", "text", 4);
        t.interaction("n-ann-3", "ann", "helper", "2026-11-23T10:00:00Z", "text", null);
        t.interaction("n-bob-0", "bob", "bot", "2026-11-03T10:00:00Z", "text", 4);
        t.interaction("n-bob-1", "bob", "bot", "2026-11-10T10:00:00Z", "text", 3);
        t.interaction("n-bob-2", "bob", "bot", "2026-11-11T10:00:00Z", "text", null);
        t.interaction("n-bob-3", "bob", "bot", "2026-11-27T10:00:00Z", "text", 2);
        t.interaction("n-cy-0", "cy", "bot", "2026-11-04T10:00:00Z", "text", 5);
        t.interaction("n-cy-1", "cy", "bot", "2026-11-12T10:00:00Z", "text", 5);
        t.interaction("n-none", null, "bot", "2026-11-04T10:00:00Z", "text", 1);
        for (int i = 1; i <= 6; i++) {
            for (int j = 0; j < 2; j++) {
                String m = "m-0" + i;
                t.items.add(trace("o-" + m + "-" + j, m, "bot", "2026-10-0" + (j + 5) + "T09:00:00Z", "text",
                        "q".repeat(10), "a".repeat(50), false));
                t.items.add(rating("o-" + m + "-" + j, 5));
                String n = "n-0" + i;
                t.items.add(trace("o-" + n + "-" + j, n, "bot", "2026-10-0" + (j + 5) + "T02:00:00Z", "voice",
                        "q".repeat(10), "a".repeat(400), j == 0));
                t.items.add(rating("o-" + n + "-" + j, 2));
            }
        }
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, "{\"batch\": [" + String.join(",", t.items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private void interaction(String id, String user, String agent, String start, String type, Integer rating) {
        items.add(trace(id, user, agent, start, type, "hello", "hi", false));
        if (rating != null) {
            items.add(rating(id, rating));
        }
    }

    private static String trace(String id, String user, String agent, String start, String type, String input,
            String output, boolean handoff) {
        return """
                {"type": "trace", "body": {"id": "%s", "agent_id": "%s", "user_id": %s, "started_at": "%s",
                  "message_type": "%s", "input": "%s", "output": "%s", "handoff": {"triggered": %s}}}"""
                .formatted(id, agent, user == null ? "null" : "\"" + user + "\"", start, type, input, output, handoff);
    }

    private static String rating(String trace, int value) {
        return """
                {"type": "score", "body": {"id": "%s-r", "trace_id": "%s", "name": "user_rating", "value": %d,
                  "source": "user"}}""".formatted(trace, trace, value);
    }
}
