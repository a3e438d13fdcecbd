package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.datasets.DatasetFormat;
import dev.sextant.analytics.datasets.DatasetReader;
import dev.sextant.analytics.datasets.DatasetReport;
import dev.sextant.analytics.datasets.DatasetSettings;
import dev.sextant.server.demo.DemoDatasets.DemoDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's datasets say what the demo promises when the real analyzer reads them: the curated
 * chats are ready for training, the raw ticket export is not, and for the reasons it was built
 * with (duplicates, one dominant label, conflicting labels, personal data, a cut-off line).
 */
class DemoDatasetsTest {
    private static final long SEED = 42;

    @Test
    void theSameSeedGivesTheSameBytes() {
        List<DemoDataset> a = DemoDatasets.all(SEED);
        List<DemoDataset> b = DemoDatasets.all(SEED);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).content()).isEqualTo(b.get(i).content());
        }
        assertThat(DemoDatasets.all(SEED + 1).get(1).content()).isNotEqualTo(a.get(1).content());
    }

    @Test
    void theCuratedChatsAreReadyForTraining() throws IOException {
        DatasetReport r = report(DemoDatasets.all(SEED).get(1));
        assertThat(r.format()).isEqualTo("chat");
        assertThat(r.records()).isEqualTo(DemoDatasets.CLEAN_CONVERSATIONS);
        assertThat(r.malformed().total()).isZero();
        assertThat(r.pii().recordsWithPii()).isZero();
        assertThat(r.consistency().roleOrderIssues()).isZero();
        assertThat(r.score().trainingReady()).isTrue();
        assertThat(r.score().value()).isGreaterThan(0.85);
    }

    @Test
    void theRawTicketExportIsNotReadyForTheReasonsItWasBuiltWith() throws IOException {
        DatasetReport r = report(DemoDatasets.all(SEED).get(0));
        assertThat(r.format()).isEqualTo("text_label");
        assertThat(r.lines()).isEqualTo(DemoDatasets.MESSY_TICKETS);
        assertThat(r.malformed().total()).isEqualTo(1);
        assertThat(r.malformed().examples().getFirst().line()).isEqualTo(358);
        assertThat(r.duplicates().exact().total()).isGreaterThan(20);
        assertThat(r.classBalance().labels().getFirst().label()).isEqualTo("order_status");
        assertThat(r.classBalance().imbalanceRatio()).isGreaterThan(5);
        assertThat(r.labelQuality().conflictingInputs()).isPositive();
        assertThat(r.pii().kinds()).extracting(DatasetReport.PiiKindCount::kind).contains("email", "phone");
        assertThat(r.noise().empty().total()).isPositive();
        assertThat(r.noise().encodingDamage().total()).isPositive();
        assertThat(r.score().trainingReady()).isFalse();
        assertThat(r.score().value()).isLessThan(0.7);
        assertThat(r.recommendations()).isNotEmpty();
    }

    private static DatasetReport report(DemoDataset d) throws IOException {
        return new DatasetReader(DatasetSettings.DEFAULTS).read(new ByteArrayInputStream(d.content()),
                DatasetFormat.fromWire(d.format()), (bytes, lines) -> { });
    }
}
