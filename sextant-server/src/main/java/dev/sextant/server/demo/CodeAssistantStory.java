package dev.sextant.server.demo;

import dev.sextant.server.demo.CodeTexts.Repo;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Story 3: a coding assistant used by a team of developers in working sessions (a repository, a
 * branch, a language). Each request reads code, runs tools (some fail), generates code that the
 * developer accepts or rejects, and now and then learns a pattern from the feedback. Sessions run
 * code-assistant v1 until day 10, then v2; from day 18 the context test splits sessions between
 * v2 (open files) and v3 (a repository map: a little more context, slightly better patches).
 */
final class CodeAssistantStory implements Story {
    static final String AGENT = "code-assistant";
    /** A session must be over well before {@code now}; sessions are shorter than this. */
    private static final Duration LATEST_START = Duration.ofHours(4);

    private record Planned(Instant start, String developer, Repo repo) {}

    @Override
    public List<Episode> episodes(DemoWindow window, DemoRandom random) {
        List<Planned> planned = new ArrayList<>();
        Instant latest = window.now().minus(LATEST_START);
        for (int day = 0; day <= 28; day++) { // day 28 is today: the window starts after midnight
            Instant midnight = window.day(day).truncatedTo(ChronoUnit.DAYS);
            boolean weekend = Arrivals.weekend(midnight);
            for (int dev = 0; dev < CodeTexts.DEVELOPERS.size(); dev++) {
                int sessions = weekend ? (random.chance(0.08) ? 1 : 0) : (random.chance(0.75) ? 1 : 0) + (random.chance(0.3) ? 1 : 0);
                for (int s = 0; s < sessions; s++) {
                    Instant start = midnight.plusSeconds(random.between(8 * 3600, 18 * 3600));
                    if (!start.isBefore(window.start()) && start.isBefore(latest)) {
                        Repo repo = CodeTexts.REPOS.get(random.chance(0.85) ? dev % CodeTexts.REPOS.size() : random.between(0, 3));
                        planned.add(new Planned(start, CodeTexts.DEVELOPERS.get(dev), repo));
                    }
                }
            }
        }
        planned.sort(Comparator.comparing(Planned::start).thenComparing(Planned::developer));
        DemoCalendar calendar = DemoCalendar.of(window);
        List<Episode> episodes = new ArrayList<>();
        int traceNo = 0;
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            String sessionId = String.format(Locale.ROOT, "demo-code-sess-%04d", i + 1);
            String branch = random.pick(CodeTexts.BRANCHES);
            String variant = calendar.inContextTest(p.start()) ? DemoCalendar.contextVariant(sessionId) : null;
            int version = variant != null ? (variant.equals(DemoCalendar.CONTEXT_TREATMENT) ? 3 : 2)
                    : p.start().isBefore(calendar.codeV2Activated()) ? 1 : 2;
            CodeTurn.Session session = new CodeTurn.Session(sessionId, p.developer(), p.repo(), branch,
                    random.logNormal(9000, 0.4, 2500, 40_000), window.dayOf(p.start()), version,
                    variant == null ? null : DemoCalendar.CONTEXT_TEST, variant);
            List<WireItem> items = new ArrayList<>();
            Instant at = p.start();
            Instant end = at;
            int requests = random.between(2, 9);
            for (int r = 0; r < requests; r++) {
                String traceId = String.format(Locale.ROOT, "demo-code-%06d", ++traceNo);
                CodeTurn.Outcome outcome = new CodeTurn(random, session, traceId, at).play();
                items.addAll(outcome.items());
                end = outcome.end();
                at = end.plusSeconds(random.logNormal(180, 0.8, 20, 900));
            }
            WireItem sessionItem = WireItem.session(sessionId, p.developer(), AGENT, p.start(), end.plusSeconds(random.between(10, 120)));
            var context = sessionItem.object("context");
            context.put("repo", p.repo().name());
            context.put("branch", branch);
            context.put("language", p.repo().language());
            context.put("ide", random.chance(0.6) ? "vscode" : "intellij");
            // typed coding-assistant context, from hashes of the session id (the random stream is untouched)
            context.put("git_branch", branch);
            int task = SupportBotStory.hash(sessionId, "task");
            context.put("task_type", task < 40 ? "feature" : task < 75 ? "bugfix" : task < 90 ? "refactor" : "test");
            var open = context.putArray("files_open");
            List<String> files = p.repo().files();
            int first = SupportBotStory.hash(sessionId, "files") % files.size();
            for (int f = 0; f < Math.min(files.size(), 1 + SupportBotStory.hash(sessionId, "count") % 3); f++) {
                open.add(files.get((first + f) % files.size()));
            }
            items.addFirst(sessionItem);
            episodes.add(new Episode(p.start(), sessionId, items));
        }
        return episodes;
    }
}
