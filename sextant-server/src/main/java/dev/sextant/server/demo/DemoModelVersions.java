package dev.sextant.server.demo;

import dev.sextant.server.demo.DemoDefinitions.ModelVersionRecord;
import dev.sextant.store.models.NewEvaluation;
import dev.sextant.store.models.NewModelVersion;
import dev.sextant.store.training.TrainingType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The support bot's three model versions, with benchmark evaluations a day before each went live.
 *
 * <p>Why every {@code model_id} is {@code gpt-4o-mini}: a version is tied to production traces by
 * the model name its LLM spans carry, and the support bot's spans ({@link SupportTurn}) only ever
 * carry the base names {@code gpt-4o-mini} (intent, every reply, hand-off summaries) and
 * {@code gpt-4o-2024-08-06} (a minority of replies to angry customers). Inventing fine-tune ids
 * ({@code ft:gpt-4o-mini:…}) would tie the versions to no trace at all; so each version is the
 * few-shot set the story changes on {@code gpt-4o-mini}, deployed when the story changes it:
 * <ul>
 *   <li>{@code 1.0} — support-prompt v1 with its examples, in use before the window opens;</li>
 *   <li>{@code 2.0} — prompt v2 (the tone test's winner) rolled out to everyone on day 16: better
 *       intents and replies on the benchmarks;</li>
 *   <li>{@code 2.1} — the shorter hand-off summaries of day 21: a new summary benchmark, but the
 *       reply benchmark slips — a regression or mixed result, as the traces decide.</li>
 * </ul>
 * A version's production traces run from its deployment to now (docs/API.md), so the versions share
 * the traces after the later deployments: each comparison reads what the bot did since that
 * version went live, which is what the demo's story changed at those times. The assessments are
 * whatever the API computes from these evaluations and the traces; nothing here fixes them.
 */
final class DemoModelVersions {
    static final String V1 = "support-bot-v1";
    static final String V2 = "support-bot-v2";
    static final String V3 = "support-bot-v3";
    static final String MODEL = "gpt-4o-mini";

    private DemoModelVersions() {}

    static List<ModelVersionRecord> all(DemoCalendar cal) {
        Instant v1At = cal.supportCreated();
        Instant v2At = cal.supportV2Rollout();
        Instant v3At = cal.supportSummaryV2();
        return List.of(
                new ModelVersionRecord(new NewModelVersion(V1, SupportBotStory.AGENT, "1.0", MODEL, MODEL, null, null,
                        TrainingType.FEW_SHOT, v1At, "support-prompt v1: neutral tone, 12 curated examples", List.of("prod")),
                        List.of(eval("support-intents", Map.of("accuracy", 0.812, "macro_f1", 0.774), "intents-2026q3", 600, v1At),
                                eval("reply-quality", Map.of("accuracy", 0.741, "helpfulness", 0.702), "replies-graded-v1", 300, v1At))),
                new ModelVersionRecord(new NewModelVersion(V2, SupportBotStory.AGENT, "2.0", MODEL, MODEL, V1, null,
                        TrainingType.FEW_SHOT, v2At, "support-prompt v2: acknowledge, apologise once, say what happens next;"
                                + " temperature 0.2 (the tone test's winner)", List.of("prod")),
                        List.of(eval("support-intents", Map.of("accuracy", 0.861, "macro_f1", 0.829), "intents-2026q3", 600, v2At),
                                eval("reply-quality", Map.of("accuracy", 0.823, "helpfulness", 0.791), "replies-graded-v1", 300, v2At))),
                new ModelVersionRecord(new NewModelVersion(V3, SupportBotStory.AGENT, "2.1", MODEL, MODEL, V2, null,
                        TrainingType.FEW_SHOT, v3At, "shorter hand-off summaries for the people who take over", List.of("prod")),
                        List.of(eval("support-intents", Map.of("accuracy", 0.856, "macro_f1", 0.826), "intents-2026q3", 600, v3At),
                                eval("reply-quality", Map.of("accuracy", 0.794, "helpfulness", 0.768), "replies-graded-v1", 300, v3At),
                                eval("handoff-summary", Map.of("accuracy", 0.912), "handoffs-graded", 200, v3At))));
    }

    /** An evaluation run the day before the deployment. */
    private static NewEvaluation eval(String benchmark, Map<String, Double> metrics, String dataset, long examples, Instant deployed) {
        return new NewEvaluation(benchmark, new TreeMap<>(metrics), "accuracy", dataset, examples, deployed.minus(Duration.ofDays(1)));
    }
}
