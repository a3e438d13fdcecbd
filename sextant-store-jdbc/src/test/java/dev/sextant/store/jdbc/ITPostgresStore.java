package dev.sextant.store.jdbc;

import dev.sextant.store.SextantStore;
import dev.sextant.store.tests.ExperimentOutcomeContract;
import dev.sextant.store.tests.PersonalizationContract;
import dev.sextant.store.tests.UserContract;
import dev.sextant.store.tests.SessionContract;
import dev.sextant.store.tests.TopologyContract;
import dev.sextant.store.tests.TrendContract;
import dev.sextant.store.tests.BehaviourContract;
import dev.sextant.store.tests.FeedbackContract;
import dev.sextant.store.tests.CodeGenerationContract;
import dev.sextant.store.tests.LearningContract;
import dev.sextant.store.tests.AlertContract;
import dev.sextant.store.tests.ApiKeyContract;
import dev.sextant.store.tests.CostAnalysisContract;
import dev.sextant.store.tests.BudgetContract;
import dev.sextant.store.tests.ConfigurationContract;
import dev.sextant.store.tests.CostContract;
import dev.sextant.store.tests.ExportContract;
import dev.sextant.store.tests.ExperimentContract;
import dev.sextant.store.tests.InsightSourceContract;
import dev.sextant.store.tests.InteractionListContract;
import dev.sextant.store.tests.EffectivenessContract;
import dev.sextant.store.tests.InteractionStatsContract;
import dev.sextant.store.tests.MigrationContract;
import dev.sextant.store.tests.PriceContract;
import dev.sextant.store.tests.RetentionContract;
import dev.sextant.store.tests.TenantIsolationContract;
import dev.sextant.store.tests.TraceDetailContract;
import dev.sextant.store.tests.TrackingWriteContract;
import dev.sextant.store.tests.WorkspaceContract;
import dev.sextant.store.tests.PromptTemplateContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Nested;

/**
 * The whole storage contract on PostgreSQL (database {@code test} at 127.0.0.1:5432, user
 * postgres; override with -Dsextant.test.postgres.url/user/password). Every test class gets
 * its own new schema, dropped afterwards. A PostgreSQL that is down fails these tests: it
 * never skips them.
 */
class ITPostgresStore {
    static final String URL = System.getProperty("sextant.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("sextant.test.postgres.user", "postgres");
    static final String PASSWORD = System.getProperty("sextant.test.postgres.password");

    /** Opens a store in a new schema and drops the schema afterwards. */
    static final class FreshSchema {
        private final String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        SextantStore open() {
            return JdbcStores.postgres(URL, USER, PASSWORD, schema);
        }

        void drop() {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schema " + schema, e);
            }
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Workspaces extends WorkspaceContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class ApiKeys extends ApiKeyContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Prices extends PriceContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Writes extends TrackingWriteContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Lists extends InteractionListContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Details extends TraceDetailContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Stats extends InteractionStatsContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Costs extends CostContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class TenantIsolation extends TenantIsolationContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Effectiveness extends EffectivenessContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Exports extends ExportContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Trends extends TrendContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Behaviour extends BehaviourContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Feedback extends FeedbackContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class CodeGeneration extends CodeGenerationContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Learning extends LearningContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class CostAnalysis extends CostAnalysisContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Budgets extends BudgetContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Insights extends InsightSourceContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Alerts extends AlertContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Users extends UserContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Topology extends TopologyContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Retention extends RetentionContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Sessions extends SessionContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class ExperimentOutcomes extends ExperimentOutcomeContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Experiments extends ExperimentContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Configurations extends ConfigurationContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class ConfigurationPerformance extends dev.sextant.store.tests.ConfigurationPerformanceContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Personalization extends PersonalizationContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class PromptTemplates extends PromptTemplateContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class PastHistory extends dev.sextant.store.tests.PastHistoryContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class ModelVersions extends dev.sextant.store.tests.ModelVersionContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class HpoStudies extends dev.sextant.store.tests.HpoStudyContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class TrainingRuns extends dev.sextant.store.tests.TrainingRunContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Datasets extends dev.sextant.store.tests.datasets.DatasetContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Mlflow extends dev.sextant.store.tests.MlflowContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Masking extends dev.sextant.store.tests.masking.MaskingContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class AuditLog extends dev.sextant.store.tests.audit.AuditLogContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Erasure extends dev.sextant.store.tests.erasure.ErasureContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Context extends dev.sextant.store.tests.context.ContextContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Learnings extends dev.sextant.store.tests.learnings.LearningsContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class Predictions extends dev.sextant.store.tests.predictions.PredictionContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }

    @Nested
    class DerivedRecords extends dev.sextant.store.tests.erasure.DerivedRecordsContract {
        final FreshSchema db = new FreshSchema();
        @Override protected SextantStore newStore() { return db.open(); }
        @Override protected void dropStore() { db.drop(); }
        @Override protected boolean normalizesJsonText() { return true; }
    }
}
