package dev.sextant.store;

/**
 * A storage backend: a set of small role interfaces over one database. Implementations hold no
 * web or framework code; the server only wires one of them. Every role method that reads or
 * writes tenant data takes the {@link dev.sextant.model.WorkspaceId} first.
 */
public interface SextantStore extends AutoCloseable {

    /** Brings the schema to the newest version. Safe to call on every start. */
    void migrate();

    /** Cheap liveness check of the database connection. */
    boolean healthy();

    WorkspaceStore workspaces();

    ApiKeyStore apiKeys();

    TrackingWriter tracking();

    InteractionReader interactions();

    SessionReader sessions();

    PriceStore prices();

    CostStore costs();

    TrendReader trends();

    ExportReader exports();

    EffectivenessReader effectiveness();

    BehaviourReader behaviour();

    FeedbackReader feedback();

    CodeGenerationReader codeGeneration();

    LearningReader learning();

    CostAnalysisReader costAnalysis();

    BudgetStore budgets();

    SpendReader spending();

    InsightSource insights();

    MetricWindowReader metricWindows();

    AlertRuleStore alertRules();

    AlertStore alerts();

    WebhookStore webhooks();

    /** Parquet export, where the database writes Parquet itself (embedded DuckDB); empty otherwise. */
    default java.util.Optional<ParquetExportReader> parquetExports() {
        return java.util.Optional.empty();
    }

    UserStore users();

    TopologyReader topology();

    RetentionStore retention();

    ExperimentOutcomeReader experimentOutcomes();

    ExperimentStore experiments();

    ConfigurationStore configurations();

    ConfigurationPerformanceReader configurationPerformance();

    PersonalizationReader personalization();

    PromptTemplateStore promptTemplates();

    PromptUsageReader promptUsage();

    /** Training runs and their metric points (issue 7). */
    dev.sextant.store.training.TrainingRunStore trainingRuns();

    /**
     * The configuration role with its writes stamped by {@code clock} instead of the store's own:
     * only for recording a history whose times are already past (the demo loader records its
     * story's configuration changes at the story's times). Requests never use it: a change made
     * through the API is stamped when it happens.
     */
    ConfigurationStore configurationsAt(java.time.Clock clock);

    /** The experiment role with its writes stamped by {@code clock}; as {@link #configurationsAt}, for a past history only. */
    ExperimentStore experimentsAt(java.time.Clock clock);

    /** The prompt template role with its writes stamped by {@code clock}; as {@link #configurationsAt}, for a past history only. */
    PromptTemplateStore promptTemplatesAt(java.time.Clock clock);

    dev.sextant.store.models.ModelVersionStore modelVersions();

    dev.sextant.store.models.ModelReliabilityReader modelReliability();

    dev.sextant.store.hpo.HpoStudyStore hpoStudies();
    /** Uploaded datasets and their quality reports. */
    dev.sextant.store.datasets.DatasetStore datasets();

    /** MLflow experiments and run links, the MLflow tracking layer over {@link #trainingRuns()} (issue 7). */
    dev.sextant.store.mlflow.MlflowStore mlflow();
    /** Masking rules, hashing secret and counters (issue 8 item 5). */
    dev.sextant.store.masking.MaskingStore masking();
    /** The append-only audit log of administrative and configuration actions (issue 8 item 6). */
    dev.sextant.store.audit.AuditLogStore auditLog();
    /** Erasure of one end user's data and its receipts (issue 8 item 7). */
    dev.sextant.store.erasure.ErasureStore erasure();
    /** Typed context items of traces and sessions, read per interaction with its outcome (issue 8 item 1). */
    dev.sextant.store.context.ContextStore context();
    /** Learnings, their applications and the tool and model use behind recommendations (issue 8 item 3). */
    dev.sextant.store.learnings.LearningsStore learnings();
    /** Training rows and trained prediction models (issue 8 item 2). */
    dev.sextant.store.predictions.PredictionStore predictions();

    @Override
    void close();
}
