package dev.sextant.ingest.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sink variant: points arrive in bounded batches, in order, and a million of them never sit in one list. */
class StreamingImportTest {
    private final TrainingLogImporter importer = new TrainingLogImporter();

    @Test
    void aMillionPointsArriveInBoundedBatchesInFileOrder() {
        long lines = 500_000; // two metrics a line
        AtomicLong received = new AtomicLong();
        AtomicLong expectedStep = new AtomicLong();
        List<Integer> sizes = new ArrayList<>();
        ImportedRun run = importer.stream(ImportFormat.JSONL, generated(lines), 10_000, batch -> {
            sizes.add(batch.size());
            for (ImportedPoint point : batch) {
                long index = received.getAndIncrement();
                assertThat(point.step()).isEqualTo(index / 2);
                assertThat(point.name()).isEqualTo(index % 2 == 0 ? "train_loss" : "learning_rate");
            }
            expectedStep.set(batch.get(batch.size() - 1).step());
        });

        assertThat(received.get()).isEqualTo(1_000_000);
        assertThat(run.pointCount()).isEqualTo(1_000_000);
        assertThat(run.points()).isEmpty();
        assertThat(run.lastStep()).isEqualTo(lines - 1);
        assertThat(sizes).hasSize(100).allMatch(size -> size == 10_000);
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void theLastBatchMayBeSmaller() {
        List<Integer> sizes = new ArrayList<>();
        importer.stream(ImportFormat.JSONL, generated(7), 3, batch -> sizes.add(batch.size()));
        assertThat(sizes).containsExactly(3, 3, 3, 3, 2);
    }

    @Test
    void theSinksExceptionEndsTheImport() {
        assertThatThrownBy(() -> importer.stream(ImportFormat.JSONL, generated(100), 10, batch -> {
            throw new IllegalStateException("store is down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store is down");
    }

    @Test
    void batchSizeMustBePositive() {
        assertThatThrownBy(() -> importer.stream(ImportFormat.CSV, Fixtures.text("step\n"), 0, batch -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch_size must be positive, was 0");
    }

    /** {@code lines} flat JSON lines, generated as they are read: the test holds no file either. */
    private static InputStream generated(long lines) {
        return new InputStream() {
            private long line;
            private byte[] current = new byte[0];
            private int pos;

            @Override
            public int read() {
                if (pos == current.length) {
                    if (line == lines) {
                        return -1;
                    }
                    current = ("{\"step\": " + line + ", \"loss\": " + (1.0 / (line + 1)) + ", \"lr\": 1e-4}\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                    line++;
                    pos = 0;
                }
                return current[pos++] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = 0;
                while (n < length) {
                    int b = read();
                    if (b < 0) {
                        return n == 0 ? -1 : n;
                    }
                    buffer[offset + n++] = (byte) b;
                }
                return n;
            }
        };
    }
}
