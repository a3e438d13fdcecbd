package dev.sextant.server.audit;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.audit.AuditEntry;
import dev.sextant.store.audit.AuditLogStore;
import dev.sextant.store.audit.AuditPage;
import dev.sextant.store.audit.AuditQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The caller's workspace's audit log: read-only, filterable, exportable; admin scope only. */
@RestController
@RequestMapping("/api/v1/audit-log")
class AuditLogController {
    private static final int EXPORT_PAGE = 1000;
    private static final List<String> CSV_HEADER = List.of("id", "at", "actor_kind", "actor_id", "actor_name", "action",
            "target_type", "target_id", "details", "source_ip", "user_agent", "request_id");

    private final AuditLogStore store;
    private final JsonMapper json;

    AuditLogController(SextantStore store, JsonMapper json) {
        this.store = store.auditLog();
        this.json = json;
    }

    @GetMapping
    @RequiresScope(Scope.ADMIN)
    AuditView.Page list(@AuthenticationPrincipal Caller caller, @RequestParam Map<String, String> params) {
        AuditQuery query = AuditFilters.query(params, true);
        AuditPage page = page(caller, query);
        return new AuditView.Page(page.entries().stream().map(e -> AuditView.of(e, json)).toList(), page.nextCursor());
    }

    /** Every row the filters match, newest first, streamed page by page (never held whole). */
    @GetMapping("/export")
    @RequiresScope(Scope.ADMIN)
    void export(@AuthenticationPrincipal Caller caller, @RequestParam Map<String, String> params,
            HttpServletResponse response) throws IOException {
        String format = params.getOrDefault("format", "jsonl");
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw InvalidRequestException.of(FieldProblem.parameter("format", "format must be csv or jsonl, was '"
                    + AuditFilters.printable(format) + "'"));
        }
        AuditQuery query = AuditFilters.query(params, false);
        AuditPage first = page(caller, query); // a bad cursor is a 400 before anything is written
        response.setContentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log." + format + "\"");
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        CSVPrinter csv = format.equals("csv") ? new CSVPrinter(out, CSVFormat.RFC4180) : null;
        if (csv != null) {
            csv.printRecord(CSV_HEADER);
        }
        AuditPage page = first;
        while (true) {
            for (AuditEntry e : page.entries()) {
                if (csv != null) {
                    csv.printRecord(e.id(), e.at(), e.actorKind().wire(), e.actorId(), e.actorName(), e.action(),
                            e.targetType(), e.targetId(), e.detailsJson(), e.sourceIp(), e.userAgent(), e.requestId());
                } else {
                    out.write(json.writeValueAsString(AuditView.of(e, json)));
                    out.write('\n');
                }
            }
            if (page.nextCursor() == null) {
                break;
            }
            page = store.page(caller.workspace(), query.after(page.nextCursor()));
        }
        out.flush();
    }

    private AuditPage page(Caller caller, AuditQuery query) {
        try {
            return store.page(caller.workspace(), query);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(FieldProblem.parameter("cursor", e.getMessage()));
        }
    }

    static int exportPage() {
        return EXPORT_PAGE;
    }
}
