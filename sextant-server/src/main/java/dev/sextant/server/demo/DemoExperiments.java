package dev.sextant.server.demo;

import dev.sextant.server.demo.DemoDefinitions.Experiment;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentSpec.Variant;
import dev.sextant.store.ExperimentUnitKind;
import java.time.Duration;
import java.util.List;

/**
 * The demo's two experiments. Their variants, split and times are {@link DemoCalendar}'s, the same
 * the traces were stamped by; what they found is left to the results: the loader concludes the
 * tone test with whatever the analysis says at its end, and the context test is still running.
 */
final class DemoExperiments {
    private DemoExperiments() {}

    static List<Experiment> all(DemoCalendar cal) {
        return List.of(toneTest(cal), contextTest(cal));
    }

    /**
     * Days 5-12: support-prompt v2 against v1, by customer. Judged by the hand-off rate (about 18%
     * before; a third fewer, 6 points, is the effect worth detecting); satisfaction, cost, response
     * time and errors must not get worse.
     */
    static Experiment toneTest(DemoCalendar cal) {
        ExperimentSpec spec = new ExperimentSpec("Empathetic, de-escalating replies",
                "Prompt v2 (acknowledge, apologise once, say what happens next; temperature 0.2) hands fewer"
                        + " conversations to people than v1 without making customers less satisfied",
                SupportBotStory.AGENT, ExperimentUnitKind.USER_ID,
                List.of(new Variant(DemoCalendar.TONE_CONTROL, "v1: neutral", "support-prompt-v1", 50, true),
                        new Variant(DemoCalendar.TONE_TREATMENT, "v2: empathetic, de-escalating", "support-prompt-v2", 50,
                                false)),
                List.of("handoff_rate"), List.of("satisfaction", "cost_per_unit", "response_time", "error_rate"), 100L, 0.06, 0.18,
                0.05, 0.8, ExperimentCorrection.HOLM, true, cal.toneTestStart(), cal.toneTestEnd());
        return new Experiment(DemoCalendar.TONE_TEST, spec, cal.supportV2Written().plus(Duration.ofHours(1)),
                cal.toneTestStart(), cal.toneTestConcluded());
    }

    /** From day 18: code-assistant v3 (repository map) against v2 (open files), by session. */
    static Experiment contextTest(DemoCalendar cal) {
        ExperimentSpec spec = new ExperimentSpec("Repository map as context",
                "With a map of the repository in context (v3) more generated patches apply and pass the tests than"
                        + " with the open files only (v2), at a small extra cost per session",
                CodeAssistantStory.AGENT, ExperimentUnitKind.SESSION_ID,
                List.of(new Variant(DemoCalendar.CONTEXT_CONTROL, "v2: open files", "code-assistant-v2", 50, true),
                        new Variant(DemoCalendar.CONTEXT_TREATMENT, "v3: repository map", "code-assistant-v3", 50, false)),
                List.of("success_rate", "satisfaction"), List.of("cost_per_unit", "response_time"), 150L, 0.02, 0.95,
                0.05, 0.8, ExperimentCorrection.HOLM, false, cal.contextTestStart(), cal.contextTestStart().plus(Duration.ofDays(21)));
        return new Experiment(DemoCalendar.CONTEXT_TEST, spec, cal.codeV3Written().plus(Duration.ofHours(2)),
                cal.contextTestStart(), null);
    }
}
