package dev.sextant.server.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.store.RetentionKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionSettingsTest {

    @Test
    void daysOrForever() {
        RetentionSettings s = new RetentionSettings("400", "forever", " 30 ", "365", Duration.ofHours(1), 10_000);
        assertThat(s.defaultDays(RetentionKind.TRACES)).isEqualTo(400);
        assertThat(s.defaultDays(RetentionKind.PAYLOADS)).isNull();
        assertThat(s.defaultDays(RetentionKind.SCORES)).isEqualTo(30);
        assertThat(s.defaultDays(RetentionKind.TRAINING_METRICS)).isEqualTo(365);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "36501", "", "never", "1.5", "99999999999"})
    void aWrongDefaultStopsTheStart(String value) {
        assertThatThrownBy(() -> new RetentionSettings(value, "forever", "forever", "forever", Duration.ofHours(1), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sextant.retention.traces must be a number of days between 1 and 36500, or 'forever', was '"
                        + value + "'");
    }

    @Test
    void aWrongTrainingMetricsDefaultNamesItsProperty() {
        assertThatThrownBy(() -> new RetentionSettings("400", "forever", "forever", "0", Duration.ofHours(1), 10))
                .hasMessage("sextant.retention.training-metrics must be a number of days between 1 and 36500, or"
                        + " 'forever', was '0'");
    }

    @Test
    void intervalAndBatchSizeAreChecked() {
        assertThatThrownBy(() -> new RetentionSettings("1", "1", "1", "1", Duration.ZERO, 10))
                .hasMessage("sextant.retention.interval must be at least 1s, was PT0S");
        assertThatThrownBy(() -> new RetentionSettings("1", "1", "1", "1", Duration.ofHours(1), 0))
                .hasMessage("sextant.retention.batch-size must be between 1 and 1000000, was 0");
    }
}
