package dev.sextant.server.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.store.ExportColumn;
import dev.sextant.store.ExportSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    private static final List<ExportColumn> COLUMNS = List.of(new ExportColumn("n", ExportColumn.Type.INTEGER));
    private static final int MANY = ReadAhead.CAPACITY * 5 + 7;

    /** Records what it is handed, on which thread. */
    private static final class Recording implements ExportSink {
        final List<Object> seen = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();

        @Override
        public void columns(List<ExportColumn> columns) {
            seen.add(columns);
            threads.add(Thread.currentThread());
        }

        @Override
        public void row(Object[] values) {
            seen.add(values[0]);
            threads.add(Thread.currentThread());
        }
    }

    @Test
    void everyRowReachesTheWriterInOrderAfterTheColumnsOnTheCallingThread() {
        Recording writer = new Recording();
        AtomicReference<Thread> readThread = new AtomicReference<>();
        ReadAhead.run(sink -> {
            readThread.set(Thread.currentThread());
            sink.columns(COLUMNS);
            for (long i = 0; i < MANY; i++) {
                sink.row(new Object[] {i});
            }
        }, writer);
        assertThat(writer.seen).hasSize(MANY + 1);
        assertThat(writer.seen.getFirst()).isEqualTo(COLUMNS);
        for (int i = 0; i < MANY; i++) {
            assertThat(writer.seen.get(i + 1)).isEqualTo((long) i);
        }
        assertThat(writer.threads).containsOnly(Thread.currentThread());
        assertThat(readThread.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void aFailedReadReachesTheCallerAfterTheRowsBeforeIt() {
        Recording writer = new Recording();
        IllegalStateException failure = new IllegalStateException("the database went away");
        assertThatThrownBy(() -> ReadAhead.run(sink -> {
            sink.columns(COLUMNS);
            sink.row(new Object[] {1L});
            throw failure;
        }, writer)).isSameAs(failure);
        assertThat(writer.seen).containsExactly(COLUMNS, 1L);
    }

    @Test
    void aFailedWriterStopsTheReadAndReachesTheCaller() {
        AtomicBoolean readStopped = new AtomicBoolean();
        AtomicBoolean readEnded = new AtomicBoolean();
        UncheckedIOException gone = new UncheckedIOException(new IOException("broken pipe"));
        ExportSink writer = new ExportSink() {
            @Override
            public void columns(List<ExportColumn> columns) {}

            @Override
            public void row(Object[] values) {
                if ((long) values[0] == 3) {
                    throw gone;
                }
            }
        };
        assertThatThrownBy(() -> ReadAhead.run(sink -> {
            try {
                sink.columns(COLUMNS);
                for (long i = 0; i < Long.MAX_VALUE; i++) { // would never end unless stopped
                    sink.row(new Object[] {i});
                }
            } catch (CancellationException e) {
                readStopped.set(true);
                throw e;
            } finally {
                readEnded.set(true);
            }
        }, writer)).isSameAs(gone);
        assertThat(readStopped).isTrue();
        assertThat(readEnded).as("run returns only after the read has ended").isTrue();
    }
}
