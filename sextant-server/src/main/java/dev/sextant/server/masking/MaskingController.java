package dev.sextant.server.masking;

import dev.sextant.ingest.masking.IngestMasking;
import dev.sextant.ingest.masking.MaskingRulesJson;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.pii.MaskCounts;
import dev.sextant.pii.MaskFinding;
import dev.sextant.pii.MaskTarget;
import dev.sextant.pii.MaskingRules;
import dev.sextant.pii.TextMasker;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.PayloadTooLargeException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.masking.MaskingDayCount;
import dev.sextant.store.masking.MaskingStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Masking at ingestion (issue 8 item 5): the caller's workspace's rules and counters; admins
 * replace the rules and try rules on a text. The preview's text is neither stored nor logged.
 */
@RestController
@RequestMapping("/api/v1/governance/masking")
class MaskingController {
    static final int MAX_PREVIEW_CHARS = 65_536;
    private static final Set<String> PREVIEW_FIELDS = Set.of("text", "applies_to", "rules");

    private final MaskingStore store;
    private final IngestMasking masking;
    private final Clock clock;

    private final AuditTrail audit;

    MaskingController(SextantStore store, IngestMasking masking, Clock clock, AuditTrail audit) {
        this.store = store.masking();
        this.audit = audit;
        this.masking = masking;
        this.clock = clock;
    }

    record Counter(String detector, String action, long count) {}

    record DayCounter(LocalDate day, String detector, String action, long count) {}

    record View(JsonNode rules, boolean defaults, java.time.Instant updatedAt, int days, List<Counter> totals,
            List<DayCounter> counters) {}

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    View get(@AuthenticationPrincipal Caller caller, @RequestParam(name = "days", required = false) String days) {
        int window = days(days);
        WorkspaceId ws = caller.workspace();
        var stored = store.rules(ws);
        MaskingRules rules = stored.map(r -> MaskingRulesJson.parseStored(r.json())).orElseGet(MaskingRules::defaults);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<MaskingDayCount> rows = store.counts(ws, today.minusDays(window - 1L), today);
        Map<String, Counter> totals = new LinkedHashMap<>();
        List<DayCounter> counters = new ArrayList<>(rows.size());
        for (MaskingDayCount r : rows) {
            counters.add(new DayCounter(r.day(), r.detector(), r.action(), r.count()));
            totals.merge(r.detector() + "\u0000" + r.action(), new Counter(r.detector(), r.action(), r.count()),
                    (a, b) -> new Counter(a.detector(), a.action(), a.count() + b.count()));
        }
        List<Counter> sorted = new ArrayList<>(totals.values());
        sorted.sort((a, b) -> a.detector().equals(b.detector()) ? a.action().compareTo(b.action())
                : a.detector().compareTo(b.detector()));
        return new View(MaskingRulesJson.tree(rules), rules.isDefault(),
                stored.map(r -> r.updatedAt()).orElse(null), window, sorted, counters);
    }

    /** Replaces the rules (every problem reported at once, nothing changed); answers the new state. */
    @PutMapping
    @RequiresScope(Scope.ADMIN)
    View put(@AuthenticationPrincipal Caller caller, @RequestBody JsonNode body) {
        MaskingRules rules = validated(body, "");
        store.setRules(caller.workspace(), MaskingRulesJson.write(rules));
        masking.invalidate(caller.workspace());
        audit.record(caller, "masking.update", "masking_rules", null, AuditTrail.details("after", MaskingRulesJson.tree(rules)));
        return get(caller, null);
    }

    record Preview(String text, boolean dropped, List<Finding> findings) {}

    record Finding(String detector, String action, int start, int end) {}

    /**
     * {@code {"text": "...", "applies_to": "inputs", "rules": {...}}}: what {@code text} would be
     * stored as, under the given rules (or the workspace's own).
     */
    @PostMapping("/preview")
    @RequiresScope(Scope.ADMIN)
    Preview preview(@AuthenticationPrincipal Caller caller, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of(FieldProblem.field("body", "the body must be a JSON object such as"
                    + " {\"text\": \"mail jane@example.com\", \"applies_to\": \"inputs\"}"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String f : body.propertyNames()) {
            if (!PREVIEW_FIELDS.contains(f)) {
                problems.add(FieldProblem.field(printable(f), "unknown field '" + printable(f)
                        + "'; the fields are text, applies_to, rules"));
            }
        }
        JsonNode text = body.get("text");
        if (text == null || !text.isString()) {
            problems.add(FieldProblem.field("text", "text is required: the string to try the rules on"));
        } else if (text.asString().length() > MAX_PREVIEW_CHARS) {
            throw new PayloadTooLargeException(text.asString().length(), MAX_PREVIEW_CHARS);
        }
        MaskTarget target = MaskTarget.INPUTS;
        JsonNode to = body.get("applies_to");
        if (to != null && !to.isNull()) {
            try {
                target = MaskTarget.fromWire(to.isString() ? to.asString() : "?");
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field("applies_to", "applies_to must be one of inputs, outputs, attributes"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        JsonNode given = body.get("rules");
        TextMasker masker = given == null || given.isNull() ? masking.masker(caller.workspace())
                : new TextMasker(validated(given, "/rules"), store.hashingSecret(caller.workspace()));
        String value = text.asString();
        List<Finding> findings = new ArrayList<>();
        for (MaskFinding f : masker.findings(value, target)) {
            findings.add(new Finding(f.detector(), f.action().wire(), f.start(), f.end()));
        }
        String masked = masker.mask(value, target, new MaskCounts());
        return new Preview(masked, masked == null, findings);
    }

    private static MaskingRules validated(JsonNode body, String prefix) {
        MaskingRulesJson.Read read = MaskingRulesJson.read(body);
        if (read.rules() == null) {
            List<FieldProblem> problems = new ArrayList<>();
            for (MaskingRulesJson.Problem p : read.problems()) {
                String pointer = prefix + p.pointer();
                String field = pointer.isEmpty() ? "body" : pointer.substring(1).split("/", 2)[0];
                problems.add(FieldProblem.at(field, pointer.isEmpty() ? "" : pointer, p.message()));
            }
            throw new InvalidRequestException(problems);
        }
        return read.rules();
    }

    private static int days(String days) {
        if (days == null) {
            return 30;
        }
        try {
            int d = Integer.parseInt(days);
            if (d >= 1 && d <= 366) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequestException.of(FieldProblem.parameter("days", "days must be a whole number from 1 to 366, was "
                + printable(days)));
    }

    private static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
