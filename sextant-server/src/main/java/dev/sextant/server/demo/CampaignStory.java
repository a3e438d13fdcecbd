package dev.sextant.server.demo;

import dev.sextant.server.demo.CampaignTexts.Campaign;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Story 2: a content campaign. The orchestrator plans each piece and calls an SEO agent (keyword
 * choice), a writer (tone choice, a long draft on gemini-1.5-pro — some prompts carry so much
 * reference material that they cross the 128K-token price tier) that hands the draft to an
 * editor, who approves or revises it. An evaluator scores quality; a checker scores SEO.
 */
final class CampaignStory implements Story {
    static final String ORCHESTRATOR = "campaign-orchestrator";
    static final String FLASH = "gemini-1.5-flash-002";
    static final String PRO = "gemini-1.5-pro-002";
    /** Every run in the window uses campaign-flow v2 (v1 is older; v3 is a branch nobody has activated). */
    static final String CONFIG_VERSION = "campaign-flow-v2";
    private static final double RUNS_PER_WEEKDAY = 13;

    /** Runs happen in office hours, plus a few scheduled at night on weekends. */
    private static double[] workingHours() {
        double[] weights = new double[24];
        for (int h = 8; h <= 18; h++) {
            weights[h] = h == 12 ? 0.5 : 1.0;
        }
        weights[2] = 0.3;
        return weights;
    }

    @Override
    public List<Episode> episodes(DemoWindow window, DemoRandom random) {
        List<Instant> starts = new Arrivals(workingHours(), 0.2)
                .between(window.start(), window.now().minus(Duration.ofMinutes(40)), RUNS_PER_WEEKDAY, random);
        List<Episode> episodes = new ArrayList<>();
        int runNo = 0;
        for (Instant start : starts) {
            String traceId = String.format(Locale.ROOT, "demo-cmp-%06d", ++runNo);
            Campaign campaign = campaignOn(window.dayOf(start) + 0.5, random);
            episodes.add(new Episode(start, traceId, new CampaignRun(random, traceId, campaign, start).play()));
        }
        return episodes;
    }

    private static Campaign campaignOn(double day, DemoRandom random) {
        List<Campaign> active = CampaignTexts.CAMPAIGNS.stream()
                .filter(c -> c.fromDay() <= day && day < c.toDay()).toList();
        double[] weights = active.stream().mapToDouble(c -> c.id().equals("evergreen-blog") ? 1 : 3).toArray();
        return active.get(random.weighted(weights));
    }
}
