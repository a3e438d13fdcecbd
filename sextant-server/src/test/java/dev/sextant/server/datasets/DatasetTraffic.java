package dev.sextant.server.datasets;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** Requests the dataset ITs share: workspaces, keys, creating and uploading datasets. */
final class DatasetTraffic {
    private final SextantTestServer server;

    DatasetTraffic(SextantTestServer server) {
        this.server = server;
    }

    String workspace(String slug) {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    String key(String adminKey, String name, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server.post("/api/v1/api-keys", adminKey, "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    String create(String key, String json) {
        Response r = server.post("/api/v1/datasets", key, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    Response put(String id, String key, String contentType, String body) {
        return server.send(SextantTestServer.authorized(server.request("/api/v1/datasets/" + id + "/content"), key)
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A PUT whose body has no Content-Length (chunked), from a stream. */
    Response putStreamed(String id, String key, String contentType, Supplier<InputStream> body) {
        return server.send(SextantTestServer.authorized(server.request("/api/v1/datasets/" + id + "/content"), key)
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofInputStream(body)).build());
    }

    Response oneShot(String query, String key, String contentType, String body) {
        return server.send(SextantTestServer.authorized(server.request("/api/v1/datasets?" + query), key)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /**
     * A request written by hand on a socket, so it can claim a Content-Length (here 2 GiB) that
     * Java's HTTP client would insist on sending; only {@code sent} is written. Answers the
     * status line and everything after it.
     */
    String[] claim(String path, String key, String contentType, long contentLength, String sent) throws IOException {
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                    + "\r\nConnection: close\r\n\r\n" + sent).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return answer(socket);
        }
    }

    /** A chunked upload on a socket, sent part by part when the test says. */
    final class Chunked implements AutoCloseable {
        private final Socket socket;

        Chunked(String path, String key, String contentType) throws IOException {
            socket = socket();
            socket.getOutputStream().write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        void send(String part) throws IOException {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Ends the body and answers the status line and everything after it. */
        String[] finish() throws IOException {
            socket.getOutputStream().write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return answer(socket);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private Socket socket() throws IOException {
        URI uri = server.uri("/");
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** The status line and the body of the answer on this socket (Content-Length or chunked). */
    private static String[] answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String head = line(in);
        String status = head;
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        }
        return new String[] {status, body.toString(StandardCharsets.UTF_8)};
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** JSON Lines of {"text", "label"}: {@code n} distinct sentences, labels alternating a/b. */
    static String textLabel(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append("{\"text\": \"sentence number ").append(i).append(" talks about topic ").append(i * 7 % 11)
                    .append(" at some length\", \"label\": \"").append(i % 2 == 0 ? "a" : "b").append("\"}\n");
        }
        return s.toString();
    }
}
