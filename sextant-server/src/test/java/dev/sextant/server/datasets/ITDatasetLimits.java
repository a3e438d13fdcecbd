package dev.sextant.server.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The default limit (1 GiB) and the server's own: a body larger than Spring's 1 MiB JSON limit and
 * Tomcat's 2 MB swallow size is read in full, with or without a Content-Length; a 2 GiB claim is
 * refused naming the default limit. Bodies are generated as they are sent, never written to disk.
 */
class ITDatasetLimits {
    static final long DEFAULT_LIMIT = 1_073_741_824L;

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final DatasetTraffic traffic = new DatasetTraffic(server);

    /** {@code lines} lines of text/label JSON, made on demand. */
    static InputStream generated(int lines) {
        return new InputStream() {
            private int next;
            private byte[] line = new byte[0];
            private int at;

            @Override
            public int read() {
                if (at == line.length) {
                    if (next == lines) {
                        return -1;
                    }
                    next++;
                    line = ("{\"text\": \"line " + next + " of a generated dataset about subject " + (next % 101)
                            + " with a few more words\", \"label\": \"" + (next % 5) + "\"}\n").getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                return line[at++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
    }

    static long size(int lines) throws IOException {
        try (InputStream in = generated(lines)) {
            return in.transferTo(OutputStreamSink.INSTANCE);
        }
    }

    @Test
    void aBodyOverTheServersOwnLimitsIsReadInFull() throws IOException {
        String key = traffic.workspace("ds-limits");
        int lines = 60_000;
        long bytes = size(lines);
        assertThat(bytes).isGreaterThan(3 * 1024 * 1024);
        String chunked = traffic.create(key, "{\"name\": \"chunked\"}");
        Response streamed = traffic.putStreamed(chunked, key, "application/x-ndjson", () -> generated(lines));
        assertThat(streamed.status()).as(streamed.toString()).isEqualTo(200);
        assertThat(streamed.json().get("records").asLong()).isEqualTo(lines);
        assertThat(streamed.json().get("bytes_read").asLong()).isEqualTo(bytes);

        Response sized = server.send(SextantTestServer.authorized(server.request("/api/v1/datasets?name=sized"), key)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> generated(lines)),
                        bytes)).build());
        assertThat(sized.status()).as(sized.toString()).isEqualTo(201);
        JsonNode d = sized.json();
        assertThat(d.get("records").asLong()).isEqualTo(lines);
        assertThat(d.get("format").asString()).isEqualTo("text_label");
        assertThat(server.get("/api/v1/datasets/" + chunked + "/report", key).body())
                .isEqualTo(server.get("/api/v1/datasets/" + d.get("id").asString() + "/report", key).body());
    }

    @Test
    void aTwoGigabyteUploadIsRefusedAtOnceNamingTheDefaultLimit() throws IOException {
        String key = traffic.workspace("ds-2gb");
        String id = traffic.create(key, "{\"name\": \"2 GB\"}");
        String[] answer = traffic.claim("/api/v1/datasets/" + id + "/content", key, "application/x-ndjson",
                2L * 1024 * 1024 * 1024, "{\"text\": \"the first line of two gigabytes\"}\n");
        assertThat(answer[0]).isEqualTo("HTTP/1.1 413 ");
        assertThat(answer[1]).contains("over the limit of " + DEFAULT_LIMIT + " bytes (sextant.datasets.max-upload-bytes)")
                .contains("\"limit_bytes\":" + DEFAULT_LIMIT);
    }

    /** Counts what it is given and keeps nothing. */
    static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
