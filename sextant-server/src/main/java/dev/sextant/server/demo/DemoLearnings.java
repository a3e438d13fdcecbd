package dev.sextant.server.demo;

import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.PageRequest;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TraceSummary;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningEvidence;
import dev.sextant.store.learnings.LearningStatus;
import java.time.Instant;
import java.util.List;

/**
 * Two learnings of the demo agents, applied to the demo's own traces (at each trace's start), so
 * that the learning loop has something to show (issue 8 item 3):
 * <ul>
 *   <li>{@code support-acknowledge-first} (support bot, starting at 0.6): applied in successful
 *       conversations — its confidence rises;</li>
 *   <li>{@code code-skip-tests-small-diffs} (code assistant, starting at 0.7): applied mostly in
 *       sessions that then failed — its confidence falls.</li>
 * </ul>
 * The outcomes are the traces' own (success unless status error); nothing here states them.
 */
public final class DemoLearnings {
    static final String RISING = "support-acknowledge-first";
    static final String FALLING = "code-skip-tests-small-diffs";
    private static final int APPLIED = 40;

    private DemoLearnings() {}

    /** Creates both learnings and their applications, unless the workspace already has the first. */
    public static void record(SextantStore store, WorkspaceId ws, Instant now) {
        if (store.learnings().find(ws, RISING).isPresent()) {
            return;
        }
        Instant created = now.minus(DemoWindow.LENGTH);
        store.learnings().create(ws, new Learning(RISING, SupportBotStory.AGENT,
                "Acknowledge the customer's problem in the first sentence before answering",
                "{\"items\":[\"reply.opening=acknowledge\"],\"outcome\":\"resolved\"}",
                new LearningEvidence(0.18, 0.6, 1.3, 20L, "manual"), 0.6, LearningStatus.ACTIVE, created, "demo",
                created));
        store.learnings().create(ws, new Learning(FALLING, CodeAssistantStory.AGENT,
                "Skip the test run when a change touches fewer than ten lines",
                "{\"items\":[\"diff.lines<10\",\"tests=skipped\"],\"outcome\":\"accepted\"}",
                new LearningEvidence(0.12, 0.7, 1.1, 20L, "manual"), 0.7, LearningStatus.ACTIVE, created, "demo",
                created));
        for (Trace t : traces(store, ws, SupportBotStory.AGENT, Status.OK, APPLIED)) {
            store.learnings().apply(ws, RISING, t.id(), t.startedAt(), null);
        }
        List<Trace> failed = traces(store, ws, CodeAssistantStory.AGENT, Status.ERROR, APPLIED * 3 / 4);
        for (Trace t : failed) {
            store.learnings().apply(ws, FALLING, t.id(), t.startedAt(), null);
        }
        for (Trace t : traces(store, ws, CodeAssistantStory.AGENT, Status.OK, Math.max(1, failed.size() / 4))) {
            store.learnings().apply(ws, FALLING, t.id(), t.startedAt(), null);
        }
    }

    /** Up to {@code count} of the agent's traces with this status, spread over the whole list (newest first). */
    private static List<Trace> traces(SextantStore store, WorkspaceId ws, String agent, Status status, int count) {
        InteractionQuery q = InteractionQuery.builder().agentId(agent).status(status).build();
        List<TraceSummary> page = store.interactions().list(ws, q, PageRequest.first(PageRequest.MAX_SIZE)).items();
        int step = Math.max(1, page.size() / Math.max(1, count));
        return java.util.stream.IntStream.range(0, page.size()).filter(i -> i % step == 0).limit(count)
                .mapToObj(i -> page.get(i).trace()).toList();
    }
}
