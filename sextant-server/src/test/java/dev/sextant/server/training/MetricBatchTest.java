package dev.sextant.server.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.ingest.BodyTooLargeException;
import dev.sextant.ingest.MalformedBodyException;
import dev.sextant.store.training.MetricSample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricBatchTest {
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    private static MetricBatch read(String json) throws IOException {
        return MetricBatch.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), NOW);
    }

    @Test
    void pythonsNonNumericTokensAndTheirStringsAreValues() throws IOException {
        MetricBatch b = read("{\"points\": [{\"step\": 3, \"metrics\": {\"a\": NaN, \"b\": Infinity, \"c\": -Infinity,"
                + " \"d\": \"NaN\", \"e\": \"-Infinity\", \"f\": null, \"g\": 1e400}}]}");
        assertThat(b.rejected()).isEmpty();
        assertThat(b.samples()).extracting(MetricSample::value).containsExactly(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(b.samples()).allSatisfy(s -> assertThat(s.timestamp()).isEqualTo(NOW));
    }

    @Test
    void aPointerEscapesSlashAndTilde() throws IOException {
        MetricBatch b = read("{\"points\": [{\"step\": 1, \"metrics\": {\"a/b~c\": \"nan\"}}]}");
        assertThat(b.rejected()).containsExactly(new MetricBatch.Rejected("/points/0/metrics/a~1b~0c",
                "metric 'a/b~c' must be a number, null, or one of \"NaN\", \"Infinity\", \"-Infinity\"; was the string 'nan'"));
        assertThat(b.samples()).isEmpty();
    }

    @Test
    void theWholeBodyIsRefusedWhenItIsNotABatch() {
        assertThatThrownBy(() -> read("{\"points\": 5}")).isInstanceOf(MalformedBodyException.class)
                .hasMessage("points must be an array of points, was 5");
        assertThatThrownBy(() -> read("{\"points\": [")).isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("the request body is not valid JSON (line 1, column ");
        assertThatThrownBy(() -> read("{\"points\": [\"" + "x".repeat((int) MetricBatch.MAX_BODY_BYTES) + "\"]}"))
                .isInstanceOf(BodyTooLargeException.class);
    }
}
