package dev.sextant.server.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's two training datasets, generated from a seed so that the same seed gives the same
 * bytes (and so the same report): a clean support-chat set of about 2,000 conversations that is
 * ready for fine-tuning, and a messy intent-classification set as exported from a ticket tool —
 * exact and near duplicates, one dominant label, the same ticket with two labels, customers'
 * e-mail addresses and phone numbers, empty and one-word tickets, mojibake and a line cut off
 * half-way. The loader reads both through the real analyzer; nothing here talks to the store.
 */
public final class DemoDatasets {
    /** One dataset as a user would upload it: a name, its format on the wire, and the file's bytes. */
    public record DemoDataset(String name, String format, byte[] content) {}

    public static final String CLEAN_NAME = "support-chats-2026-10 (curated)";
    public static final String MESSY_NAME = "ticket-intents export (raw)";
    static final int CLEAN_CONVERSATIONS = 2_000;
    static final int MESSY_TICKETS = 600;

    private DemoDatasets() {}

    /** The messy set first, so that the list (newest first) opens with the clean one. */
    public static List<DemoDataset> all(long seed) {
        return List.of(new DemoDataset(MESSY_NAME, "text_label", messy(new DemoRandom(seed * 31 + 2))),
                new DemoDataset(CLEAN_NAME, "chat", clean(new DemoRandom(seed * 31 + 1))));
    }

    static byte[] clean(DemoRandom random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < CLEAN_CONVERSATIONS; i++) {
            ArrayNode messages = WireItem.JSON.createArrayNode();
            int turns = random.chance(0.3) ? 2 : 1;
            for (int t = 0; t < turns; t++) {
                DemoDatasetTexts.Exchange e = DemoDatasetTexts.exchange(random, t > 0);
                messages.add(message("user", e.question()));
                messages.add(message("assistant", e.answer()));
            }
            ObjectNode line = WireItem.JSON.createObjectNode();
            line.set("messages", messages);
            out.append(WireItem.JSON.writeValueAsString(line)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] messy(DemoRandom random) {
        StringBuilder out = new StringBuilder();
        List<String> written = new java.util.ArrayList<>();
        for (int i = 0; i < MESSY_TICKETS; i++) {
            if (i == 357) {
                // an export cut off mid-record: reported with its line number, the rest still read
                out.append("{\"text\": \"my parcel SX-2291 never arrived and the tracking page says deliv\n");
                continue;
            }
            String text;
            String label;
            if (i > 40 && random.chance(0.65)) {
                // the ticket tool exported some tickets twice; sometimes re-labelled by a second agent
                String earlier = written.get(random.between(0, written.size() - 1));
                ObjectNode copy = (ObjectNode) WireItem.JSON.readTree(earlier);
                if (random.chance(0.3)) {
                    copy.put("label", random.pick(DemoDatasetTexts.INTENTS));
                }
                out.append(WireItem.JSON.writeValueAsString(copy)).append('\n');
                continue;
            }
            int kind = random.weighted(90, 4, 3, 2, 1);
            label = DemoDatasetTexts.INTENTS.get(kind);
            text = DemoDatasetTexts.ticket(random, kind);
            if (random.chance(0.25)) {
                text = text + " You can reach me at " + DemoDatasetTexts.email(random) + ".";
            } else if (random.chance(0.15)) {
                text = text + " Call me back on " + DemoDatasetTexts.phone(random) + ".";
            }
            if (random.chance(0.1)) {
                text = random.chance(0.5) ? "" : "help";
            } else if (random.chance(0.05)) {
                text = text.replaceFirst("e", "Ã©"); // UTF-8 read as Latin-1 somewhere upstream
            }
            ObjectNode line = WireItem.JSON.createObjectNode();
            line.put("text", text);
            line.put("label", label);
            String json = WireItem.JSON.writeValueAsString(line);
            written.add(json);
            out.append(json).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode message(String role, String content) {
        ObjectNode m = WireItem.JSON.createObjectNode();
        m.put("role", role);
        m.put("content", content);
        return m;
    }
}
