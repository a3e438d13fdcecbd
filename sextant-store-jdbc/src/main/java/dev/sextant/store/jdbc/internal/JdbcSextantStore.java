package dev.sextant.store.jdbc.internal;

import dev.sextant.store.AlertRuleStore;
import dev.sextant.store.AlertStore;
import dev.sextant.store.ApiKeyStore;
import dev.sextant.store.CodeGenerationReader;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.FeedbackReader;
import dev.sextant.store.LearningReader;
import dev.sextant.store.BudgetStore;
import dev.sextant.store.SpendReader;
import dev.sextant.store.CostStore;
import dev.sextant.store.BehaviourReader;
import dev.sextant.store.ExportReader;
import dev.sextant.store.ExperimentOutcomeReader;
import dev.sextant.store.ParquetExportReader;
import dev.sextant.store.CostAnalysisReader;
import dev.sextant.store.EffectivenessReader;
import dev.sextant.store.ExperimentStore;
import dev.sextant.store.InsightSource;
import dev.sextant.store.InteractionReader;
import dev.sextant.store.SessionReader;
import dev.sextant.store.MetricWindowReader;
import dev.sextant.store.PriceStore;
import dev.sextant.store.RetentionStore;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TrackingWriter;
import dev.sextant.store.TopologyReader;
import dev.sextant.store.TrendReader;
import dev.sextant.store.UserStore;
import dev.sextant.store.WebhookStore;
import dev.sextant.store.WorkspaceStore;
import dev.sextant.store.PersonalizationReader;
import dev.sextant.store.PromptTemplateStore;
import dev.sextant.store.PromptUsageReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/** The store over one database; {@code JdbcStores} is the way to make one. */
public final class JdbcSextantStore implements SextantStore {
    private final Database database;
    private final WorkspaceStore workspaces;
    private final ApiKeyStore apiKeys;
    private final TrackingWriter tracking;
    private final InteractionReader interactions;
    private final SessionReader sessions;
    private final PriceStore prices;
    private final CostStore costs;
    private final TrendReader trends;
    private final JdbcExportReader exports;
    private final EffectivenessReader effectiveness;
    private final BehaviourReader behaviour;
    private final FeedbackReader feedback;
    private final CodeGenerationReader codeGeneration;
    private final LearningReader learning;
    private final CostAnalysisReader costAnalysis;
    private final BudgetStore budgets;
    private final SpendReader spending;
    private final InsightSource insights;
    private final MetricWindowReader metricWindows;
    private final AlertRuleStore alertRules;
    private final AlertStore alerts;
    private final WebhookStore webhooks;
    private final UserStore users;
    private final TopologyReader topology;
    private final RetentionStore retention;
    private final ExperimentOutcomeReader experimentOutcomes;
    private final ExperimentStore experiments;
    private final ConfigurationStore configurations;
    private final PersonalizationReader personalization;
    private final PromptTemplateStore promptTemplates;
    private final PromptUsageReader promptUsage;
    private final dev.sextant.store.models.ModelVersionStore modelVersions;
    private final dev.sextant.store.models.ModelReliabilityReader modelReliability;
    private final dev.sextant.store.hpo.HpoStudyStore hpoStudies;
    private final dev.sextant.store.training.TrainingRunStore trainingRuns;
    private final dev.sextant.store.datasets.DatasetStore datasets;
    private final dev.sextant.store.mlflow.MlflowStore mlflow;
    private final dev.sextant.store.masking.MaskingStore masking;
    private final dev.sextant.store.audit.AuditLogStore auditLog;
    private final dev.sextant.store.erasure.ErasureStore erasure;
    private final dev.sextant.store.context.ContextStore context;
    private final dev.sextant.store.learnings.LearningsStore learnings;
    private final dev.sextant.store.predictions.PredictionStore predictions;

    private JdbcSextantStore(Database database, Clock clock) {
        this.database = database;
        Stages stages = new Stages(database.dialect());
        RollupRefresh rollups = new RollupRefresh(database.dialect());
        this.workspaces = new JdbcWorkspaceStore(database, clock);
        this.apiKeys = new JdbcApiKeyStore(database, clock);
        this.tracking = database.dialect() == Dialect.DUCKDB
                ? new IncrementalTrackingWriter(database, stages, clock)
                : new RecomputingTrackingWriter(database, stages, rollups, clock);
        this.interactions = new JdbcInteractionReader(database);
        this.sessions = new JdbcSessionReader(database);
        this.prices = new JdbcPriceStore(database, clock);
        this.costs = new JdbcCostStore(database, stages, rollups, clock);
        this.trends = new JdbcTrendReader(database);
        this.exports = new JdbcExportReader(database);
        this.effectiveness = new JdbcEffectivenessReader(database);
        this.behaviour = new JdbcBehaviourReader(database);
        this.feedback = new JdbcFeedbackReader(database);
        this.codeGeneration = new JdbcCodeGenerationReader(database);
        this.learning = new JdbcLearningReader(database);

        this.costAnalysis = new JdbcCostAnalysisReader(database);

        this.budgets = new JdbcBudgetStore(database, clock);
        this.spending = new JdbcSpendReader(database);

        this.insights = new JdbcInsightSource(database);

        this.metricWindows = new JdbcMetricWindowReader(database);
        this.alertRules = new JdbcAlertRuleStore(database, clock);
        this.alerts = new JdbcAlertStore(database);
        this.webhooks = new JdbcWebhookStore(database, clock);
        this.users = new JdbcUserStore(database, clock);
        this.topology = new JdbcTopologyReader(database);
        this.retention = new JdbcRetentionStore(database, clock);
        this.experimentOutcomes = new JdbcExperimentOutcomeReader(database);
        this.experiments = new JdbcExperimentStore(database, clock);
        this.configurations = new JdbcConfigurationStore(database, clock);
        this.personalization = new JdbcPersonalizationReader(database);
        this.promptTemplates = new JdbcPromptTemplateStore(database, clock);
        this.promptUsage = new JdbcPromptUsageReader(database);
        this.modelVersions = new JdbcModelVersionStore(database, clock);
        this.modelReliability = new JdbcModelReliabilityReader(database);
        this.hpoStudies = new JdbcHpoStudyStore(database, clock);
        this.trainingRuns = new JdbcTrainingRunStore(database, clock);
        this.datasets = new JdbcDatasetStore(database, clock);
        this.mlflow = new JdbcMlflowStore(database, clock);
        this.masking = new JdbcMaskingStore(database, clock);
        this.auditLog = new JdbcAuditLogStore(database, clock);
        this.erasure = new JdbcErasureStore(database);
        this.context = new JdbcContextStore(database);
        this.learnings = new JdbcLearningsStore(database);
        this.predictions = new JdbcPredictionStore(database);
        if (database.dialect() == Dialect.DUCKDB) {
            // committed here, the temp tables live as long as the one writer connection
            database.write("creating the stage tables", c -> {
                stages.createAll(c);
                return null;
            });
        }
    }

    public static SextantStore duckdb(Path file, Clock clock) {
        DuckDbDatabase database = new DuckDbDatabase(file);
        try {
            return new JdbcSextantStore(database, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public static SextantStore postgres(String jdbcUrl, String user, String password, String schema, Clock clock) {
        return new JdbcSextantStore(new PostgresDatabase(jdbcUrl, user, password, schema), clock);
    }

    @Override
    public void migrate() {
        Migrations.migrate(database);
    }

    @Override
    public boolean healthy() {
        try (Connection c = database.readers().getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public WorkspaceStore workspaces() {
        return workspaces;
    }

    @Override
    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    @Override
    public TrackingWriter tracking() {
        return tracking;
    }

    @Override
    public InteractionReader interactions() {
        return interactions;
    }

    @Override
    public SessionReader sessions() {
        return sessions;
    }

    @Override
    public PriceStore prices() {
        return prices;
    }

    @Override
    public CostStore costs() {
        return costs;
    }

    @Override
    public EffectivenessReader effectiveness() {
        return effectiveness;
    }

    @Override
    public ExportReader exports() {
        return exports;
    }

    @Override
    public Optional<ParquetExportReader> parquetExports() {
        return exports.writesParquet() ? Optional.of(exports) : Optional.empty();
    }

    @Override
    public TrendReader trends() {
        return trends;
    }

    @Override
    public BehaviourReader behaviour() {
        return behaviour;
    }

    @Override
    public FeedbackReader feedback() {
        return feedback;
    }

    @Override
    public CodeGenerationReader codeGeneration() {
        return codeGeneration;
    }

    @Override
    public LearningReader learning() {
        return learning;
    }

    @Override
    public CostAnalysisReader costAnalysis() {
        return costAnalysis;
    }

    @Override
    public BudgetStore budgets() {
        return budgets;
    }

    @Override
    public SpendReader spending() {
        return spending;
    }

    @Override
    public InsightSource insights() {
        return insights;
    }

    @Override
    public MetricWindowReader metricWindows() {
        return metricWindows;
    }

    @Override
    public AlertRuleStore alertRules() {
        return alertRules;
    }

    @Override
    public AlertStore alerts() {
        return alerts;
    }

    @Override
    public WebhookStore webhooks() {
        return webhooks;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public TopologyReader topology() {
        return topology;
    }

    @Override
    public RetentionStore retention() {
        return retention;
    }

    @Override
    public ExperimentOutcomeReader experimentOutcomes() {
        return experimentOutcomes;
    }

    @Override
    public ExperimentStore experiments() {
        return experiments;
    }

    @Override
    public ConfigurationStore configurations() {
        return configurations;
    }

    @Override
    public dev.sextant.store.ConfigurationPerformanceReader configurationPerformance() {
        return new JdbcConfigurationPerformanceReader(database);
    }

    @Override
    public PersonalizationReader personalization() {
        return personalization;
    }

    @Override
    public PromptTemplateStore promptTemplates() {
        return promptTemplates;
    }

    @Override
    public PromptUsageReader promptUsage() {
        return promptUsage;
    }

    @Override
    public dev.sextant.store.training.TrainingRunStore trainingRuns() {
        return trainingRuns;
    }

    @Override
    public ConfigurationStore configurationsAt(Clock clock) {
        return new JdbcConfigurationStore(database, clock);
    }

    @Override
    public ExperimentStore experimentsAt(Clock clock) {
        return new JdbcExperimentStore(database, clock);
    }

    @Override
    public PromptTemplateStore promptTemplatesAt(Clock clock) {
        return new JdbcPromptTemplateStore(database, clock);
    }

    @Override
    public dev.sextant.store.models.ModelVersionStore modelVersions() {
        return modelVersions;
    }

    @Override
    public dev.sextant.store.models.ModelReliabilityReader modelReliability() {
        return modelReliability;
    }

    @Override
    public dev.sextant.store.hpo.HpoStudyStore hpoStudies() {
        return hpoStudies;
    }

    @Override
    public dev.sextant.store.datasets.DatasetStore datasets() {
        return datasets;
    }

    @Override
    public dev.sextant.store.mlflow.MlflowStore mlflow() {
        return mlflow;
    }

    @Override
    public dev.sextant.store.masking.MaskingStore masking() {
        return masking;
    }

    @Override
    public dev.sextant.store.audit.AuditLogStore auditLog() {
        return auditLog;
    }

    @Override
    public dev.sextant.store.erasure.ErasureStore erasure() {
        return erasure;
    }

    @Override
    public dev.sextant.store.context.ContextStore context() {
        return context;
    }

    @Override
    public dev.sextant.store.learnings.LearningsStore learnings() {
        return learnings;
    }

    @Override
    public dev.sextant.store.predictions.PredictionStore predictions() {
        return predictions;
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return "JdbcSextantStore[" + database.dialect() + "]";
    }
}
