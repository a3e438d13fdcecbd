package dev.sextant.analytics.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityScoreTest {

    @Test
    void aCleanDatasetScoresOne() {
        DatasetReport.Score s = QualityScore.of(new QualityScore.Inputs(100, 0, 100, 100, 0, 0, 0, null, 0, 0, 0, 0.5));
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(s.trainingReady()).isTrue();
        assertThat(s.components()).extracting(DatasetReport.ScoreComponent::weight).containsExactly(0.15, 0.15, 0.10,
                0.15, 0.15, 0.10, 0.05, 0.10, 0.05);
    }

    @Test
    void theScoreIsTheWeightedGeometricMean() {
        // 100 lines, 10 malformed; 90 records, 9 duplicates, 18 with PII; distinct-2 0.25
        DatasetReport.Score s = QualityScore.of(new QualityScore.Inputs(100, 10, 90, 90, 0, 9, 0, null, 0, 0, 18, 0.25));
        double expected = Math.pow(0.9, 0.15) * Math.pow(0.9, 0.15) * Math.pow(0.8, 0.10) * Math.pow(0.5, 0.05);
        assertThat(s.value()).isEqualTo(Math.round(expected * 10_000) / 10_000.0);
    }

    @Test
    void oneAspectNearZeroIsEnoughToFail() {
        // 100 records, 97 of them duplicates; everything else clean: an arithmetic mean would say 0.8545
        DatasetReport.Score s = QualityScore.of(new QualityScore.Inputs(100, 0, 100, 100, 0, 97, 0, null, 0, 0, 0, 0.5));
        assertThat(s.value()).isEqualTo(Math.round(Math.pow(0.03, 0.15) * 10_000) / 10_000.0);
        assertThat(s.trainingReady()).isFalse();
        assertThat(QualityScore.of(new QualityScore.Inputs(0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0)).trainingReady()).isFalse();
    }
}
