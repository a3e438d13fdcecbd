package dev.sextant.cli;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A native ingest batch being built: {@code [{"type": ..., "body": {...}}, ...]} (DESIGN.md §4). */
final class Batch {
    private final ArrayNode items = Json.MAPPER.createArrayNode();

    /** Adds an item of the type and returns its body to fill. */
    ObjectNode add(String type) {
        ObjectNode item = items.addObject();
        item.put("type", type);
        return item.putObject("body");
    }

    ArrayNode items() {
        return items;
    }
}
