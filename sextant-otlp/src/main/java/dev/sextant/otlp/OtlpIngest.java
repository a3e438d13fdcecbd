package dev.sextant.otlp;

import dev.sextant.ingest.IngestService;
import dev.sextant.model.WorkspaceId;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.InputStream;
import java.util.Objects;

/**
 * OTLP/HTTP trace ingestion: decodes an {@code ExportTraceServiceRequest}, maps its spans onto
 * Sextant's traces and spans, and commits the good ones through the same {@link IngestService}
 * pipeline as the native API (merging, cost accounting, group commit). A refused span is
 * counted; the good spans of the same request are still stored.
 */
public final class OtlpIngest {
    private final IngestService ingest;
    private final OtlpBodyReader reader;

    /** @param maxBodyBytes the cap on the body after gzip inflation (over it: 413) */
    public OtlpIngest(IngestService ingest, long maxBodyBytes) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.reader = new OtlpBodyReader(maxBodyBytes);
    }

    /** How one export went: spans stored, spans refused, and why (empty when none was). */
    public record Outcome(int acceptedSpans, int rejectedSpans, String errorMessage) {}

    /**
     * Reads, maps and commits one export request; returns after the good spans are committed.
     *
     * @throws dev.sextant.ingest.MalformedBodyException the body cannot be decoded (400)
     * @throws dev.sextant.ingest.BodyTooLargeException over the cap after inflating (413)
     * @throws dev.sextant.ingest.IngestBusyException the queue is full (429)
     * @throws dev.sextant.ingest.IngestUnavailableException the store failed or ingest is closed (503)
     */
    public Outcome export(WorkspaceId workspace, InputStream body, OtlpEncoding encoding, boolean gzip) {
        Objects.requireNonNull(workspace, "workspace");
        ExportTraceServiceRequest request = reader.read(body, encoding, gzip);
        MappedSpans mapped = OtlpSpanMapper.map(request);
        ingest.ingest(workspace, mapped.traces(), mapped.spans());
        return new Outcome(mapped.spans().size(), mapped.rejectedSpans(), mapped.errorMessage());
    }
}
