package dev.sextant.server.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo workspace's data: four weeks of three agents a newcomer recognises — a customer-service
 * bot (intents, routing decisions, hand-offs to people, ratings; prompt v2 and a refund-API
 * incident in week 3), a content campaign (an orchestrator with SEO, writer and editor agents on
 * Gemini) and a coding assistant (sessions, tools, generated code accepted or rejected, learned
 * patterns). Produced as native ingest bodies so that it enters through the real ingest path.
 */
public final class DemoData {
    /** The most items one body holds, well under the ingest limit, so each body commits quickly. */
    public static final int MAX_ITEMS_PER_BATCH = 5_000;

    private static final long SUPPORT = 1;
    private static final long CAMPAIGN = 2;
    private static final long CODE = 3;

    private DemoData() {}

    /**
     * Native ingest bodies ({@code {"batch":[...]}} per DESIGN.md §4), each at most 5,000 items,
     * deterministic for a seed, covering the 28 days before {@code now}. Bodies are in time order
     * and never split a conversation, campaign run or coding session.
     */
    public static List<String> batches(Instant now, long seed) {
        Objects.requireNonNull(now, "now must not be null");
        DemoWindow window = DemoWindow.endingAt(now);
        List<Episode> episodes = new ArrayList<>();
        episodes.addAll(new SupportBotStory().episodes(window, new DemoRandom(storySeed(seed, SUPPORT))));
        episodes.addAll(new CampaignStory().episodes(window, new DemoRandom(storySeed(seed, CAMPAIGN))));
        episodes.addAll(new CodeAssistantStory().episodes(window, new DemoRandom(storySeed(seed, CODE))));
        episodes.sort(Comparator.comparing(Episode::start).thenComparing(Episode::id));
        return pack(episodes);
    }

    /** Each story draws from its own stream, so changing one story leaves the others as they were. */
    private static long storySeed(long seed, long story) {
        return seed * 0x9E3779B97F4A7C15L + story;
    }

    private static List<String> pack(List<Episode> episodes) {
        List<String> bodies = new ArrayList<>();
        List<WireItem> batch = new ArrayList<>();
        for (Episode episode : episodes) {
            if (batch.size() + episode.items().size() > MAX_ITEMS_PER_BATCH) {
                bodies.add(body(batch));
                batch.clear();
            }
            batch.addAll(episode.items());
        }
        if (!batch.isEmpty()) {
            bodies.add(body(batch));
        }
        return List.copyOf(bodies);
    }

    private static String body(List<WireItem> items) {
        ObjectNode root = WireItem.JSON.createObjectNode();
        ArrayNode batch = root.putArray("batch");
        items.forEach(item -> batch.add(item.toJson()));
        return WireItem.JSON.writeValueAsString(root);
    }
}
