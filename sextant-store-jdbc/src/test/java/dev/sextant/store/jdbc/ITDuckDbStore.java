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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;

/** The whole storage contract on embedded DuckDB: every test class gets its own new file. */
class ITDuckDbStore {

    /** Opens a store on a new file in a new directory (a missing parent directory is created). */
    static final class DuckDbFile {
        private Path dir;

        SextantStore open() {
            try {
                dir = Files.createTempDirectory("sextant-duckdb-it");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return JdbcStores.duckdb(dir.resolve("nested/dir/sextant.duckdb"));
        }

        void delete() {
            if (dir == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Workspaces extends WorkspaceContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class ApiKeys extends ApiKeyContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Prices extends PriceContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Writes extends TrackingWriteContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Lists extends InteractionListContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Details extends TraceDetailContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Stats extends InteractionStatsContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Costs extends CostContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class TenantIsolation extends TenantIsolationContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Effectiveness extends EffectivenessContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Exports extends ExportContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Trends extends TrendContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Behaviour extends BehaviourContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Feedback extends FeedbackContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class CodeGeneration extends CodeGenerationContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Learning extends LearningContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class CostAnalysis extends CostAnalysisContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Budgets extends BudgetContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Insights extends InsightSourceContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Alerts extends AlertContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Users extends UserContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Topology extends TopologyContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Retention extends RetentionContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Sessions extends SessionContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class ExperimentOutcomes extends ExperimentOutcomeContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Experiments extends ExperimentContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Configurations extends ConfigurationContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class ConfigurationPerformance extends dev.sextant.store.tests.ConfigurationPerformanceContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Personalization extends PersonalizationContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class PromptTemplates extends PromptTemplateContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class PastHistory extends dev.sextant.store.tests.PastHistoryContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class ModelVersions extends dev.sextant.store.tests.ModelVersionContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class HpoStudies extends dev.sextant.store.tests.HpoStudyContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class TrainingRuns extends dev.sextant.store.tests.TrainingRunContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Datasets extends dev.sextant.store.tests.datasets.DatasetContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Mlflow extends dev.sextant.store.tests.MlflowContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Masking extends dev.sextant.store.tests.masking.MaskingContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class AuditLog extends dev.sextant.store.tests.audit.AuditLogContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Erasure extends dev.sextant.store.tests.erasure.ErasureContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Context extends dev.sextant.store.tests.context.ContextContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Learnings extends dev.sextant.store.tests.learnings.LearningsContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class Predictions extends dev.sextant.store.tests.predictions.PredictionContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }

    @Nested
    class DerivedRecords extends dev.sextant.store.tests.erasure.DerivedRecordsContract {
        final DuckDbFile file = new DuckDbFile();
        @Override protected SextantStore newStore() { return file.open(); }
        @Override protected void dropStore() { file.delete(); }
        @Override protected boolean normalizesJsonText() { return false; }
    }
}
