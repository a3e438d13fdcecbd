package dev.sextant.server.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Personalization over the demo workspace ({@code --sextant.demo=true}): both endpoints answer
 * over four weeks of generated traffic. What the demo makes of them is in the assertions' notes.
 */
class ITPersonalizationOnDemo {
    private static final Pattern GENERATED = Pattern.compile("sk-sx-[0-9A-Za-z]{32}");
    private static final SextantTestServer server = new SextantTestServer().with("--sextant.demo=true");
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        server.prepare();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            server.start();
        } finally {
            System.setOut(original);
        }
        Matcher m = GENERATED.matcher(captured.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        key = m.group();
    }

    @AfterAll
    static void stop() throws Exception {
        server.afterAll(null);
    }

    /**
     * The demo has user ids and ratings: support-bot customers (about 600, a few conversations each,
     * rated now and then) and 16 code-assistant developers (over a hundred interactions each, rated
     * most weeks). Developers get rating trends; most customers are active or rated in too few weeks.
     * Over all agents the segments split developers from customers, so per agent is the useful view.
     */
    @Test
    void usersAndSegmentsAnswerOverTheDemo() {
        JsonNode users = ok("/api/v1/analytics/personalization/users?agent_id=code-assistant&limit=200");
        assertThat(users.get("total").asLong()).isEqualTo(16);
        java.util.List<String> trends = new java.util.ArrayList<>();
        users.get("users").forEach(u -> trends.add(u.get("trend").asString()));
        assertThat(trends).anyMatch(t -> t.equals("improving") || t.equals("declining") || t.equals("stable"));
        JsonNode all = ok("/api/v1/analytics/personalization/users");
        assertThat(all.get("total").asLong()).isGreaterThan(100);
        assertThat(all.get("users").size()).isEqualTo(50);

        JsonNode developers = ok("/api/v1/analytics/personalization/segments?agent_id=code-assistant");
        assertThat(developers.get("users").asLong()).isEqualTo(16);
        assertThat(developers.get("segments").size()).isGreaterThanOrEqualTo(2);
        JsonNode customers = ok("/api/v1/analytics/personalization/segments?agent_id=support-bot");
        assertThat(customers.get("users").asLong()).isGreaterThan(100);
        assertThat(customers.get("segments").size()).isGreaterThanOrEqualTo(2);
        assertThat(customers.get("features").toString()).contains("\"share_voice\"", "\"night_share\"");
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
