package dev.sextant.server.demo;

import dev.sextant.server.demo.CampaignTexts.Campaign;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One run of the campaign orchestrator: nested agent spans, each with its LLM calls and decisions. */
final class CampaignRun {
    private final DemoRandom random;
    private final String traceId;
    private final Campaign campaign;
    private final Instant start;
    private final Timeline clock;
    private final List<WireItem> items = new ArrayList<>();
    private int spanCount;

    CampaignRun(DemoRandom random, String traceId, Campaign campaign, Instant start) {
        this.random = random;
        this.traceId = traceId;
        this.campaign = campaign;
        this.start = start;
        this.clock = new Timeline(start);
    }

    List<WireItem> play() {
        String title = random.pick(campaign.titles());
        String channel = random.pick(CampaignTexts.CHANNELS);
        String brief = "Write a " + channel.replace('_', ' ') + " piece for " + campaign.id() + ": \"" + title + "\"";
        WireItem root = span(null, "agent", CampaignStory.ORCHESTRATOR).put("input", brief);
        llm(root, "plan_brief", CampaignStory.FLASH, random.logNormal(2500, 0.3, 800, 9000), 400);

        WireItem seo = span(id(root), "agent", "seo-agent");
        String keyword = seo(seo);
        end(seo);

        WireItem writer = span(id(root), "agent", "writer-agent");
        boolean deepResearch = random.chance(0.12);
        long words = write(writer, keyword, deepResearch);
        end(writer);

        WireItem editor = span(id(root), "agent", "editor-agent");
        boolean revised = edit(editor);
        boolean failed = random.chance(0.015);
        if (failed) {
            editor.failed("editor-agent: output failed schema validation (missing field \"meta_description\")");
        }
        end(editor);

        Instant end = clock.advance(random.between(20, 200));
        String output = failed ? null : String.format(Locale.ROOT, "Draft approved: \"%s\" (%,d words)", title, words);
        root.put("output", output).time("ended_at", end);
        WireItem trace = WireItem.trace(traceId, CampaignStory.ORCHESTRATOR, "produce_content", start, end)
                .put("input", brief).put("output", output).put("status", "ok")
                .put("config_version", CampaignStory.CONFIG_VERSION)
                .strings("tags", List.of("campaign:" + campaign.id(), "channel:" + channel));
        var metadata = trace.object("metadata");
        metadata.put("campaign_id", campaign.id());
        metadata.put("channel", channel);
        metadata.put("keyword", keyword);
        metadata.put("word_count", words);
        if (failed) {
            root.failed("editor-agent failed");
            trace.failed("editor-agent: output failed schema validation (missing field \"meta_description\")");
        } else {
            score(end, deepResearch, revised);
        }
        items.addFirst(trace);
        return items;
    }

    /** Keyword research and the choice of the main keyword, with the ones passed over. */
    private String seo(WireItem seo) {
        List<String> candidates = random.pick(campaign.keywords());
        WireItem research = step(id(seo), "tool", "keyword_research", random.logNormal(900, 0.4, 200, 8000))
                .put("tool_name", "keyword_research").put("input", String.join(", ", candidates));
        research.object("attributes").put("source", "search-console").put("candidates", candidates.size());
        llm(seo, "analyze_keywords", CampaignStory.FLASH, random.logNormal(4000, 0.3, 1500, 12_000), 350);
        int chosen = random.weighted(6, 3, 1);
        int volume = (int) random.logNormal(8000, 0.8, 300, 200_000);
        int difficulty = random.between(12, 68);
        step(id(seo), "decision", "keyword_choice", random.between(3, 20))
                .decision("keyword_choice", candidates.get(chosen), candidates, String.format(Locale.ROOT,
                        "\"%s\": %,d searches/month at difficulty %d; best volume for the difficulty we can rank for",
                        candidates.get(chosen), volume, difficulty))
                .put("confidence", random.normal(0.8, 0.1, 0.4, 0.98));
        return candidates.get(chosen);
    }

    /** The writer picks a tone, drafts on the Pro model (sometimes with a huge prompt), and hands over. */
    private long write(WireItem writer, String keyword, boolean deepResearch) {
        String tone = CampaignTexts.TONES.get(random.weighted(5, 3, 2));
        step(id(writer), "decision", "tone_selection", random.between(3, 20))
                .decision("tone_selection", tone, CampaignTexts.TONES,
                        tone + " fits the " + campaign.id() + " audience and the brand voice guide")
                .put("confidence", random.normal(0.75, 0.1, 0.4, 0.97));
        long prompt = deepResearch ? random.between(130_000, 260_000) : random.logNormal(32_000, 0.5, 8_000, 120_000);
        if (random.chance(0.04)) {
            WireItem failed = step(id(writer), "llm", "draft_article", random.logNormal(900, 0.3, 200, 5000))
                    .put("model", CampaignStory.PRO).put("provider", "gcp.gemini");
            failed.failed("429 RESOURCE_EXHAUSTED: quota exceeded for gemini-1.5-pro requests per minute");
            clock.advance(random.between(2000, 8000));
        }
        long output = random.logNormal(2400, 0.3, 900, 8000);
        WireItem draft = llmCall(writer, "draft_article", CampaignStory.PRO, prompt, output);
        draft.put("input", "Brief + brand guide + " + (deepResearch ? "42 competitor pages" : "6 reference pages")
                + "; main keyword: " + keyword);
        draft.object("attributes").put("tone", tone).put("deep_research", deepResearch);
        step(id(writer), "handoff", "handoff_to_editor", random.between(5, 40))
                .handoff(true, "draft_ready", "editor-agent");
        return Math.round(output * 0.75);
    }

    private boolean edit(WireItem editor) {
        llm(editor, "edit_draft", CampaignStory.FLASH, random.logNormal(5000, 0.3, 2000, 20_000), 1800);
        boolean revise = random.chance(0.25);
        step(id(editor), "decision", "publish_or_revise", random.between(3, 20))
                .decision("publish_or_revise", revise ? "revise" : "approve", List.of("approve", "revise", "reject"),
                        revise ? "two sections miss the brief; call to action is weak" : "meets the brief and the style guide")
                .put("confidence", random.normal(revise ? 0.7 : 0.85, 0.08, 0.4, 0.99));
        if (revise) {
            llm(editor, "revise_sections", CampaignStory.PRO, random.logNormal(9000, 0.3, 3000, 40_000), 900);
        }
        return revise;
    }

    private void score(Instant end, boolean deepResearch, boolean revised) {
        double quality = random.normal(deepResearch ? 7.9 : revised ? 6.9 : 7.3, 0.9, 3, 10);
        quality = Math.round(quality * 10) / 10.0;
        Instant at = end.plusSeconds(random.between(5, 120));
        items.add(WireItem.score(traceId + "-quality", traceId, "quality", "eval", at)
                .put("value", quality)
                .put("comment", random.pick(quality >= 7.5 ? CampaignTexts.GOOD_COMMENTS : CampaignTexts.WEAK_COMMENTS)));
        items.add(WireItem.score(traceId + "-seo", traceId, "seo_score", "auto", at.plusSeconds(random.between(1, 60)))
                .put("value", random.between(55, 98)));
    }

    private void llm(WireItem parent, String name, String model, long prompt, double medianOutput) {
        llmCall(parent, name, model, prompt, random.logNormal(medianOutput, 0.35, 50, 8000));
    }

    private WireItem llmCall(WireItem parent, String name, String model, long prompt, long output) {
        boolean pro = model.equals(CampaignStory.PRO);
        long millis = random.logNormal(pro ? 1200 : 500, 0.3, 200, 10_000) + prompt / (pro ? 4 : 12) + output * (pro ? 22 : 8);
        return step(id(parent), "llm", name, millis).put("model", model).put("provider", "gcp.gemini")
                .usage(prompt, output, 0, 0, 0);
    }

    private WireItem step(String parentId, String kind, String name, long millis) {
        WireItem span = span(parentId, kind, name);
        span.time("ended_at", clock.advance(millis));
        return span;
    }

    /** Opens a span now; parents get their end with {@link #end} once their children are done. */
    private WireItem span(String parentId, String kind, String name) {
        Instant at = clock.advance(random.between(5, 60));
        String id = String.format(Locale.ROOT, "%s-s%02d", traceId, ++spanCount);
        WireItem span = WireItem.span(id, traceId, parentId, kind, name, at, null);
        items.add(span);
        return span;
    }

    private void end(WireItem span) {
        span.time("ended_at", clock.advance(random.between(5, 80)));
    }

    private static String id(WireItem span) {
        return span.id();
    }
}
