package dev.sextant.otlp;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies OTLP/HTTP answers with, in the request's encoding: an {@code ExportTraceServiceResponse}
 * (with {@code partial_success} when spans were refused) and a {@code google.rpc.Status} for
 * failures. The Status message (code = 1, message = 2) is written by hand: it is two fields, and
 * its generated class lives in a large extra library.
 */
public final class OtlpResponses {
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private OtlpResponses() {}

    /** 200's body: empty on full success, else {@code partial_success {rejected_spans, error_message}}. */
    public static byte[] export(OtlpEncoding encoding, int rejectedSpans, String errorMessage) {
        ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
        if (rejectedSpans > 0) {
            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                    .setRejectedSpans(rejectedSpans).setErrorMessage(errorMessage));
        }
        return switch (encoding) {
            case PROTOBUF -> response.build().toByteArray();
            case JSON -> json(response.build());
        };
    }

    /** A failure's body; {@code grpcCode} per google.rpc.Code (3 invalid argument, 8 resource exhausted, 14 unavailable ...). */
    public static byte[] status(OtlpEncoding encoding, int grpcCode, String message) {
        return switch (encoding) {
            case PROTOBUF -> statusProtobuf(grpcCode, message);
            case JSON -> {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("code", grpcCode);
                status.put("message", message);
                yield SpanAttributes.JSON.writeValueAsBytes(status);
            }
        };
    }

    private static byte[] statusProtobuf(int code, String message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            if (code != 0) {
                out.writeInt32(1, code);
            }
            out.writeString(2, message);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] json(ExportTraceServiceResponse response) {
        try {
            return PRINTER.print(response).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an ExportTraceServiceResponse always prints as JSON", e);
        }
    }
}
