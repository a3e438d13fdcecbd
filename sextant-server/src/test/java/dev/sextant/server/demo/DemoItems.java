package dev.sextant.server.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo's bodies parsed back into items, for the tests to look at. */
record DemoItems(List<String> bodies, List<List<Item>> batches) {
    static final Instant NOW = Instant.parse("2026-11-20T15:37:12.345678Z");
    static final long SEED = 42;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DemoItems standard;

    /** One item of one body: its type and body. */
    record Item(int batch, String type, JsonNode body) {
        String id() {
            return text("id");
        }

        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        Instant time(String field) {
            String value = text(field);
            return value == null ? null : Instant.parse(value);
        }
    }

    /** The bodies for {@link #NOW} and {@link #SEED}, generated once for all tests. */
    static synchronized DemoItems standard() {
        if (standard == null) {
            standard = parse(DemoData.batches(NOW, SEED));
        }
        return standard;
    }

    static DemoItems parse(List<String> bodies) {
        List<List<Item>> batches = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            List<Item> items = new ArrayList<>();
            for (JsonNode item : JSON.readTree(bodies.get(i)).required("batch")) {
                items.add(new Item(i, item.required("type").asString(), item.required("body")));
            }
            batches.add(items);
        }
        return new DemoItems(bodies, batches);
    }

    Stream<Item> all() {
        return batches.stream().flatMap(List::stream);
    }

    Stream<Item> ofType(String type) {
        return all().filter(i -> i.type().equals(type));
    }

    Stream<Item> traces(String agentId) {
        return ofType("trace").filter(t -> agentId.equals(t.text("agent_id")));
    }
}
