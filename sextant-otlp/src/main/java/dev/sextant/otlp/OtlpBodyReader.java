package dev.sextant.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sextant.ingest.LimitedInputStream;
import dev.sextant.ingest.MalformedBodyException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An OTLP/HTTP body → {@link ExportTraceServiceRequest}: inflates gzip, caps the bytes after
 * inflating, and decodes protobuf or OTLP JSON ({@link OtlpJson}).
 */
final class OtlpBodyReader {
    private final long maxBodyBytes;

    OtlpBodyReader(long maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("max_body_bytes must be positive, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @throws MalformedBodyException not gzip when gzip was declared, not protobuf / OTLP JSON (400)
     * @throws dev.sextant.ingest.BodyTooLargeException more than the cap after inflating (413)
     */
    ExportTraceServiceRequest read(InputStream body, OtlpEncoding encoding, boolean gzip) {
        byte[] bytes = readAll(body, gzip);
        return switch (encoding) {
            case PROTOBUF -> protobuf(bytes);
            case JSON -> OtlpJson.parse(bytes);
        };
    }

    private byte[] readAll(InputStream body, boolean gzip) {
        try {
            InputStream raw = new LimitedInputStream(body, maxBodyBytes);
            InputStream in = gzip ? new LimitedInputStream(new GZIPInputStream(raw), maxBodyBytes) : raw;
            return in.readAllBytes();
        } catch (ZipException e) {
            throw new MalformedBodyException("the body is not valid gzip although Content-Encoding says gzip ("
                    + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new MalformedBodyException("the gzip body ends early (truncated)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    private static ExportTraceServiceRequest protobuf(byte[] bytes) {
        try {
            return ExportTraceServiceRequest.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedBodyException("the body is not a protobuf ExportTraceServiceRequest ("
                    + e.getMessage() + ")", e);
        }
    }
}
