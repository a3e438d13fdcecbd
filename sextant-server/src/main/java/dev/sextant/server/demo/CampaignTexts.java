package dev.sextant.server.demo;

import java.util.List;

/** The content campaigns the orchestrator works on: what they are about, keywords, verdicts. */
final class CampaignTexts {
    private CampaignTexts() {}

    /** A campaign, the days of the window it runs, and what its articles are about. */
    record Campaign(String id, double fromDay, double toDay, List<String> titles, List<List<String>> keywords) {}

    static final List<Campaign> CAMPAIGNS = List.of(
            new Campaign("spring-sale", 0, 16,
                    List.of("10 running shoes worth buying in the spring sale", "Spring cleaning your gear: what to replace",
                            "The spring sale guide to trail backpacks", "How to choose a rain jacket (and save 30%)"),
                    List.of(List.of("spring sale running shoes", "running shoes discount", "best running shoes 2026"),
                            List.of("trail backpack sale", "hiking backpack deals", "lightweight backpack"),
                            List.of("rain jacket guide", "waterproof jacket sale", "breathable rain jacket"))),
            new Campaign("summer-launch", 12, 28,
                    List.of("Meet the Aero 2: our lightest backpack yet", "Summer trail checklist",
                            "Why we rebuilt the TrailRunner from scratch", "Hydration 101 for hot-weather runs"),
                    List.of(List.of("aero 2 backpack", "ultralight backpack", "new hiking backpack"),
                            List.of("summer trail running", "trail running checklist", "hot weather running tips"),
                            List.of("trailrunner 3 review", "trail running shoes new", "best trail shoes"))),
            new Campaign("evergreen-blog", 0, 28,
                    List.of("How to lace running shoes for wide feet", "Caring for merino wool",
                            "Beginner's guide to trail etiquette", "How long do running shoes last?"),
                    List.of(List.of("how to lace running shoes", "lacing techniques", "wide feet running shoes"),
                            List.of("merino wool care", "wash merino", "merino base layer"))));

    static final List<String> CHANNELS = List.of("blog", "newsletter", "landing_page");
    static final List<String> TONES = List.of("friendly", "expert", "playful");

    static final List<String> GOOD_COMMENTS = List.of("on brand, good keyword use", "clear structure, strong call to action",
            "reads well; headline could be punchier", "accurate product details, nice examples");
    static final List<String> WEAK_COMMENTS = List.of("clear structure, weak call to action", "intro too long",
            "discount claim needs a source", "keyword stuffing in the second section");
}
