package dev.sextant.server.demo;

import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoTrialSpec;
import dev.sextant.store.models.NewEvaluation;
import dev.sextant.store.models.NewModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What the demo's teams defined besides traffic: configuration versions, prompt template versions
 * and experiments, each at the time the story says ({@link DemoCalendar}), so that every
 * {@code config_version}, {@code prompt.template_id}/{@code prompt.version} and
 * {@code experiment_id}/{@code variant_id} the demo's traces carry is defined. The loader records
 * them through the same checks the API applies; nothing here talks to the store.
 */
public final class DemoDefinitions {

    /** One change of a configuration, at its time and by its actor ({@code user <email> (<id>)}, as the API records). */
    public sealed interface ConfigurationChange permits Create, AddVersion, Activate {
        Instant at();

        String actor();

        String configurationId();
    }

    /** The configuration is created with {@code content} as its version 1, active. */
    public record Create(Instant at, String actor, String configurationId, String agentId, String name,
            String description, JsonNode content, String message) implements ConfigurationChange {}

    /** A new version; {@code parentVersion} null: the active one (a lower number than the newest is a branch). */
    public record AddVersion(Instant at, String actor, String configurationId, Integer parentVersion, JsonNode content,
            String message, boolean activate) implements ConfigurationChange {}

    public record Activate(Instant at, String actor, String configurationId, int version) implements ConfigurationChange {}

    /** An experiment created and started at its times; {@code concludeAt} (null: still running) is when its results are judged. */
    public record Experiment(String id, ExperimentSpec spec, Instant created, Instant started, Instant concludeAt) {
        public Experiment {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(spec, "spec");
        }
    }

    /** One prompt template change, at its time and by its author. */
    public sealed interface PromptChange permits NewTemplate, NewPromptVersion {
        Instant at();

        String author();

        String templateId();
    }

    /** A declared (required) variable of a template version. */
    public record Variable(String name, String description) {}

    /** A template created with its version 1. */
    public record NewTemplate(Instant at, String author, String templateId, String name, String description,
            String agentId, List<String> tags, String text, List<Variable> variables, String message) implements PromptChange {}

    public record NewPromptVersion(Instant at, String author, String templateId, String text, List<Variable> variables,
            String message) implements PromptChange {}

    private DemoDefinitions() {}

    /** Every configuration change of the demo for a window ending at {@code now}, oldest first. */
    public static List<ConfigurationChange> configurationChanges(Instant now) {
        return DemoConfigurations.changes(DemoCalendar.of(DemoWindow.endingAt(now)));
    }

    /** Every prompt template change of the demo, oldest first. */
    public static List<PromptChange> promptChanges(Instant now) {
        return DemoPromptTemplates.changes(DemoCalendar.of(DemoWindow.endingAt(now)));
    }

    /** The demo's experiments: the concluded tone test of the support bot and the running context test of the code assistant. */
    public static List<Experiment> experiments(Instant now) {
        return DemoExperiments.all(DemoCalendar.of(DemoWindow.endingAt(now)));
    }

    /** An HPO study and its trials in the order they ran. */
    public record HpoStudyRun(HpoStudySpec spec, List<HpoTrialSpec> trials) {}

    /** A model version and its evaluations. */
    public record ModelVersionRecord(NewModelVersion version, List<NewEvaluation> evaluations) {}

    /** The demo's HPO studies of the support bot (a bayesian and a grid study), deterministic for the seed. */
    public static List<HpoStudyRun> hpoStudies(long seed) {
        return DemoHpo.all(seed);
    }

    /** The support bot's model versions, parents first, at the story's times. */
    public static List<ModelVersionRecord> modelVersions(Instant now) {
        return DemoModelVersions.all(DemoCalendar.of(DemoWindow.endingAt(now)));
    }
}
