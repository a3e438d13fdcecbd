package dev.sextant.server.boot;

import dev.sextant.model.WorkspaceId;
import dev.sextant.server.configurations.ConfigurationHistory;
import dev.sextant.server.demo.DemoDefinitions;
import dev.sextant.server.demo.DemoDefinitions.Activate;
import dev.sextant.server.demo.DemoDefinitions.AddVersion;
import dev.sextant.server.demo.DemoDefinitions.ConfigurationChange;
import dev.sextant.server.demo.DemoDefinitions.Create;
import dev.sextant.server.demo.DemoDefinitions.NewPromptVersion;
import dev.sextant.server.demo.DemoDefinitions.NewTemplate;
import dev.sextant.server.demo.DemoDefinitions.PromptChange;
import dev.sextant.server.demo.DemoTraining;
import dev.sextant.server.experiments.ExperimentHistory;
import dev.sextant.server.prompts.PromptTemplateHistory;
import dev.sextant.server.prompts.PromptTemplateHistory.Variable;
import dev.sextant.store.Experiment;
import dev.sextant.store.SextantStore;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's definitions — configuration versions, prompt template versions and experiments — recorded at the story's times
 * through the same checks the API applies, after its traces are in (a finished experiment is
 * concluded by its results over them). Once per workspace: nothing is recorded when the workspace
 * already has a configuration.
 */
@Component
class DemoDefinitionsLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoDefinitionsLoader.class);

    private final SextantStore store;
    private final ConfigurationHistory configurations;
    private final ExperimentHistory experiments;
    private final PromptTemplateHistory templates;

    DemoDefinitionsLoader(SextantStore store, ConfigurationHistory configurations, ExperimentHistory experiments,
            PromptTemplateHistory templates) {
        this.store = store;
        this.configurations = configurations;
        this.experiments = experiments;
        this.templates = templates;
    }

    /** Records the definitions of the demo whose window ends at {@code now}, unless the workspace has configurations. */
    void load(WorkspaceId ws, Instant now) {
        if (!store.configurations().list(ws, null).isEmpty()) {
            log.info("demo definitions already present in the default workspace; not recording them again");
            return;
        }
        for (ConfigurationChange change : DemoDefinitions.configurationChanges(now)) {
            switch (change) {
                case Create c -> configurations.create(ws, c.at(), c.actor(), c.configurationId(), c.agentId(), c.name(),
                        c.description(), c.content(), c.message());
                case AddVersion v -> configurations.addVersion(ws, v.at(), v.actor(), v.configurationId(),
                        v.parentVersion(), v.content(), v.message(), v.activate());
                case Activate a -> configurations.activate(ws, a.at(), a.actor(), a.configurationId(), a.version());
            }
        }
        for (PromptChange change : DemoDefinitions.promptChanges(now)) {
            switch (change) {
                case NewTemplate t -> templates.create(ws, t.at(), t.author(), t.templateId(), t.name(), t.description(),
                        t.agentId(), t.tags(), t.text(), variables(t.variables()), t.message());
                case NewPromptVersion v -> templates.addVersion(ws, v.at(), v.author(), v.templateId(), v.text(),
                        variables(v.variables()), v.message());
            }
        }
        for (DemoDefinitions.Experiment e : DemoDefinitions.experiments(now)) {
            experiments.record(ws, e.id(), e.spec(), e.created(), e.started());
            if (e.concludeAt() != null) {
                Experiment judged = experiments.concludeByResults(ws, e.id(), e.concludeAt());
                log.info("demo experiment {}: {}{}", e.id(), judged.status().wire(),
                        judged.conclusion() == null ? "" : " — " + judged.conclusion());
            }
        }
        log.info("demo definitions recorded: configurations, prompt templates and experiments");
        loadTraining(ws, now);
        loadTrainingRuns(ws, now);
        dev.sextant.server.demo.DemoLearnings.record(store, ws, now);
        log.info("demo learnings recorded");
    }

    /** The HPO studies and model versions of the demo (recorded directly: the store is what the API writes through). */
    private void loadTraining(WorkspaceId ws, Instant now) {
        for (DemoDefinitions.HpoStudyRun run : DemoDefinitions.hpoStudies(DemoLoader.SEED)) {
            String id = store.hpoStudies().addStudy(ws, run.spec()).id();
            run.trials().forEach(t -> store.hpoStudies().addTrial(ws, id, t));
        }
        for (DemoDefinitions.ModelVersionRecord v : DemoDefinitions.modelVersions(now)) {
            store.modelVersions().add(ws, v.version());
            v.evaluations().forEach(e -> store.modelVersions().addEvaluation(ws, v.version().id(), e));
        }
        log.info("demo training definitions recorded: HPO studies and model versions");
    }

    /** The demo's training runs ({@link DemoTraining}): created, their points appended, resources reported, finished. */
    private void loadTrainingRuns(WorkspaceId ws, Instant now) {
        for (DemoTraining.Run run : DemoTraining.runs(now, DemoLoader.SEED)) {
            store.trainingRuns().create(ws, run.id(), run.spec(), run.startedAt());
            store.trainingRuns().append(ws, run.id(), run.points());
            store.trainingRuns().setResources(ws, run.id(), run.resources());
            if (run.end() != null) {
                store.trainingRuns().finish(ws, run.id(), run.end().status(), run.end().error(), run.end().at());
            }
        }
        log.info("demo training runs recorded");
    }

    private static java.util.List<Variable> variables(java.util.List<DemoDefinitions.Variable> declared) {
        return declared.stream().map(v -> new Variable(v.name(), v.description())).toList();
    }
}
