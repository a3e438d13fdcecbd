package dev.sextant.ingest.training;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written training logs under src/test/resources/training-imports/, and text as a stream. */
final class Fixtures {
    private Fixtures() {
    }

    static InputStream file(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/training-imports/" + name);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("training-imports/" + name));
        }
        return in;
    }

    static InputStream text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static InputStream bytes(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
