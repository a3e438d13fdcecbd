package dev.sextant.server.learnings;

import dev.sextant.analytics.learnings.LearningConfidence;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.ConflictException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningApplication;
import dev.sextant.store.learnings.LearningStatus;
import dev.sextant.store.learnings.LearningsStore;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learnings (issue 8 item 3): create, list, read with their figures, change the statement or
 * retire; record an application to a trace and page through the applications. Another workspace's
 * learning answers 404 exactly like a missing one.
 */
@RestController
@RequestMapping("/api/v1/learnings")
class LearningsController {
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LearningsStore learnings;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json;

    LearningsController(SextantStore store, AuditTrail audit, Clock clock, JsonMapper json) {
        this.learnings = store.learnings();
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<LearningView> create(@AuthenticationPrincipal Caller caller, @RequestBody LearningBody body) {
        LearningBody.Valid v = body.validated();
        String id = v.id() != null ? v.id() : "lrn_" + HexFormat.of().formatHex(random());
        Instant now = clock.instant();
        Learning learning = new Learning(id, v.agentId(), v.statement(), v.pattern(), v.evidence(),
                v.initialConfidence(), LearningStatus.ACTIVE, now, caller.keyId(), now);
        if (!learnings.create(caller.workspace(), learning)) {
            throw new ConflictException("learning '" + id + "' already exists in this workspace");
        }
        audit.record(caller, "learning.create", "learning", id, AuditTrail.details("agent_id", v.agentId(),
                "statement", v.statement()));
        Learning stored = learnings.find(caller.workspace(), id).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(view(caller, stored, LearningConfidence.Interval.WEEK,
                BaselineWindow.upTo(now), true));
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Page list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "agent_id", "status", "page", "page_size", "from",
                "to");
        String agent = p.text("agent_id");
        String status = p.choice("status", List.of("active", "retired"));
        int page = p.whole("page", 1, 1_000_000, 1);
        int size = p.whole("page_size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        BaselineWindow window = BaselineWindow.read(p, clock.instant());
        p.done();
        List<LearningView> views = learnings.list(caller.workspace(), agent,
                status == null ? null : LearningStatus.fromWire(status).orElseThrow(), (page - 1) * size, size).stream()
                .map(l -> view(caller, l, LearningConfidence.Interval.WEEK, window, false)).toList();
        return new Page(views, page, size);
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    LearningView get(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "interval", "from", "to");
        String interval = p.choice("interval", List.of("week", "day"));
        BaselineWindow window = BaselineWindow.read(p, clock.instant());
        p.done();
        interval = interval == null ? "week" : interval;
        return view(caller, find(caller, id), LearningConfidence.Interval.valueOf(interval.toUpperCase(Locale.ROOT)),
                window, true);
    }

    @PatchMapping("/{id}")
    @RequiresScope(Scope.CONFIG_WRITE)
    LearningView update(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestBody LearningPatch body) {
        Learning before = find(caller, id);
        LearningPatch.Valid v = body.validated();
        Learning after = learnings.update(caller.workspace(), id, v.statement(), v.status(), clock.instant())
                .orElseThrow(() -> new NotFoundException("learning", Shown.text(id)));
        String action = v.status() == LearningStatus.RETIRED && before.status() != LearningStatus.RETIRED
                ? "learning.retire" : "learning.update";
        audit.record(caller, action, "learning", id, AuditTrail.details("statement", v.statement(), "status",
                v.status() == null ? null : v.status().wire(), "previous_status", before.status().wire()));
        return view(caller, after, LearningConfidence.Interval.WEEK, BaselineWindow.upTo(clock.instant()), true);
    }

    @PostMapping("/{id}/applications")
    @RequiresScope({Scope.CONFIG_WRITE, Scope.INGEST_WRITE})
    ResponseEntity<ApplicationView> apply(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestBody ApplicationBody body) {
        find(caller, id);
        ApplicationBody.Valid v = body.validated();
        learnings.apply(caller.workspace(), id, v.traceId(), clock.instant(), v.outcome());
        LearningApplication stored = learnings.application(caller.workspace(), id, v.traceId()).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(ApplicationView.of(stored));
    }

    @GetMapping("/{id}/applications")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Applications applications(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "page", "page_size");
        int page = p.whole("page", 1, 1_000_000, 1);
        int size = p.whole("page_size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        p.done();
        find(caller, id);
        List<ApplicationView> apps = learnings.applications(caller.workspace(), id, (page - 1) * size, size).stream()
                .map(ApplicationView::of).toList();
        return new Applications(apps, page, size, learnings.applicationCount(caller.workspace(), id));
    }

    private Learning find(Caller caller, String id) {
        if (!LearningBody.ID.matcher(id).matches()) {
            throw new NotFoundException("learning", Shown.text(id));
        }
        return learnings.find(caller.workspace(), id).orElseThrow(() -> new NotFoundException("learning", id));
    }

    private LearningView view(Caller caller, Learning l, LearningConfidence.Interval interval, BaselineWindow window,
            boolean withTrend) {
        return LearningView.of(l, LearningFigures.of(learnings, caller.workspace(), l, interval, window), withTrend,
                json);
    }

    private static byte[] random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    record Page(List<LearningView> learnings, int page, int pageSize) {}

    record Applications(List<ApplicationView> applications, int page, int pageSize, long total) {}

    record ApplicationView(String traceId, Instant appliedAt, String source, String declaredOutcome, String outcome) {
        static ApplicationView of(LearningApplication a) {
            return new ApplicationView(a.traceId(), a.appliedAt(), a.source().wire(),
                    a.declared() == null ? null : a.declared().wire(), a.outcome().wire());
        }
    }
}
