package dev.sextant.server.demo;

import dev.sextant.analytics.experiments.Assignment;
import dev.sextant.analytics.experiments.Assignment.Allocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When things change in the demo's story. The traces (which configuration version and prompt
 * template version they run, which experiment and variant they are in) and the definitions (when
 * each version, template and experiment was made) both read it, so they always agree.
 */
record DemoCalendar(DemoWindow window) {
    /** The support bot's tone test: support-prompt v1 against v2, 50/50 by customer. */
    static final String TONE_TEST = "support-reply-tone";
    static final String TONE_CONTROL = "neutral";
    static final String TONE_TREATMENT = "empathetic";
    /** The code assistant's running test: open files against a repository map as context, 50/50 by session. */
    static final String CONTEXT_TEST = "code-context-strategy";
    static final String CONTEXT_CONTROL = "open-files";
    static final String CONTEXT_TREATMENT = "repo-map";

    /** The split of both tests, in the order of the experiments' variants (control first), as the API assigns. */
    static final List<Allocation> TONE_SPLIT = List.of(new Allocation(TONE_CONTROL, 50), new Allocation(TONE_TREATMENT, 50));
    static final List<Allocation> CONTEXT_SPLIT = List.of(new Allocation(CONTEXT_CONTROL, 50),
            new Allocation(CONTEXT_TREATMENT, 50));
    private static final Assignment TONE = new Assignment(TONE_SPLIT);
    private static final Assignment CONTEXT = new Assignment(CONTEXT_SPLIT);

    static DemoCalendar of(DemoWindow window) {
        return new DemoCalendar(window);
    }

    private Instant at(double day, int hour) {
        return window.day(day).plus(Duration.ofHours(hour));
    }

    /** support-prompt v1 and the v1 templates: in use before the window opens. */
    Instant supportCreated() {
        return at(-12, 3);
    }

    /** support-prompt v2 (de-escalation, empathetic tone, temperature 0.2) is written, not yet active. */
    Instant supportV2Written() {
        return at(4, 2);
    }

    Instant toneTestStart() {
        return window.day(5);
    }

    Instant toneTestEnd() {
        return window.day(12);
    }

    /** The tone test is concluded by its results a few hours after its planned end. */
    Instant toneTestConcluded() {
        return at(12, 3);
    }

    /** support-prompt v2 goes live for everyone (the story's "prompt v2 on day 16"). */
    Instant supportV2Rollout() {
        return at(16, 10);
    }

    /** support-summary v2: shorter hand-off notes for the people who take over. */
    Instant supportSummaryV2() {
        return at(21, 1);
    }

    Instant codeCreated() {
        return at(-40, 2);
    }

    /** code-assistant v2 (more context files, temperature 0.2, longer answers) is written, then activated. */
    Instant codeV2Written() {
        return at(9, 4);
    }

    Instant codeV2Activated() {
        return at(10, 1);
    }

    /** code-assistant v3 (a repository map as context) is branched from v2 for the context test. */
    Instant codeV3Written() {
        return at(17, 3);
    }

    Instant contextTestStart() {
        return window.day(18);
    }

    Instant campaignCreated() {
        return at(-60, 2);
    }

    Instant campaignV2() {
        return at(-9, 2);
    }

    /** campaign-flow v3: a branch from v1 (Flash drafts), written to try later; never activated. */
    Instant campaignV3Branch() {
        return at(20, 3);
    }

    /** The support-prompt version a conversation starting at {@code t} runs outside the tone test. */
    boolean supportV2At(Instant t) {
        return !t.isBefore(supportV2Rollout());
    }

    boolean inToneTest(Instant t) {
        return !t.isBefore(toneTestStart()) && t.isBefore(toneTestEnd());
    }

    boolean inContextTest(Instant t) {
        return !t.isBefore(contextTestStart());
    }

    /** The tone test's variant of a customer: the same deterministic hash the assignment API uses. */
    static String toneVariant(String customerId) {
        return TONE.variant(TONE_TEST, customerId);
    }

    static String contextVariant(String sessionId) {
        return CONTEXT.variant(CONTEXT_TEST, sessionId);
    }
}
