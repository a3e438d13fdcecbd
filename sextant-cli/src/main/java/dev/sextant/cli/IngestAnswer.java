package dev.sextant.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The answer of {@code POST /api/v1/ingest}: how many items were stored and which were refused, why. */
record IngestAnswer(int accepted, List<Rejection> rejected) {

    record Rejection(int index, String id, String error) {
        @Override
        public String toString() {
            return "item " + index + (id == null ? "" : " (" + id + ")") + ": " + error;
        }
    }

    static IngestAnswer of(JsonNode body) {
        List<Rejection> rejected = new ArrayList<>();
        for (JsonNode r : body.path("rejected")) {
            rejected.add(new Rejection(r.path("index").asInt(-1),
                    r.path("id").isString() ? r.path("id").asString() : null, r.path("error").asString("")));
        }
        return new IngestAnswer(body.path("accepted").asInt(0), List.copyOf(rejected));
    }
}
