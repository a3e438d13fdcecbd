package dev.sextant.server.prompts;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.PromptTemplate;
import dev.sextant.store.PromptTemplateStore;
import dev.sextant.store.PromptUsage;
import dev.sextant.store.PromptUsageQuery;
import dev.sextant.store.PromptUsageReader;
import dev.sextant.store.PromptVersionSummary;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Usage, success, rating, quality and category of prompt templates over a window. */
@RestController
class PromptAnalyticsController {
    private final PromptTemplateStore templates;
    private final PromptUsageReader usage;
    private final Clock clock;

    PromptAnalyticsController(SextantStore store, Clock clock) {
        this.templates = store.promptTemplates();
        this.usage = store.promptUsage();
        this.clock = clock;
    }

    record One(Instant from, Instant to, Instant dataAsOf, PromptAnalytics template) {}

    record All(Instant from, Instant to, Instant dataAsOf, List<PromptAnalytics> templates) {}

    @GetMapping("/api/v1/prompt-templates/{id}/analytics")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    One one(@AuthenticationPrincipal Caller caller, HttpServletRequest request, @PathVariable String id) {
        Instant now = clock.instant();
        PromptWindow w = PromptWindow.of(request.getParameterMap(), now);
        PromptTemplate t = templates.find(caller.workspace(), id)
                .orElseThrow(() -> new NotFoundException("prompt template", Texts.shown(id)));
        List<PromptUsage> found = usage.usage(caller.workspace(), new PromptUsageQuery(id, w.from(), w.to()));
        List<PromptVersionSummary> versions = templates.versions(caller.workspace(), id).stream()
                .map(v -> new PromptVersionSummary(v.templateId(), v.version(), v.message(), v.createdBy(), v.createdAt()))
                .toList();
        PromptAnalytics a = PromptAnalytics.of(t, versions, found.isEmpty() ? null : found.getFirst());
        return new One(w.from(), w.to(), a.lastUsedAt() == null ? now : a.lastUsedAt(), a);
    }

    /** Every template of the workspace, most used first (then by id); uses of ids with no template are left out. */
    @GetMapping("/api/v1/analytics/prompt-templates")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    All all(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        Instant now = clock.instant();
        PromptWindow w = PromptWindow.of(request.getParameterMap(), now);
        Map<String, PromptUsage> byId = usage.usage(caller.workspace(), new PromptUsageQuery(null, w.from(), w.to()))
                .stream().collect(Collectors.toMap(PromptUsage::templateId, Function.identity()));
        Map<String, List<PromptVersionSummary>> versions = templates.versionSummaries(caller.workspace()).stream()
                .collect(Collectors.groupingBy(PromptVersionSummary::templateId));
        List<PromptAnalytics> list = new ArrayList<>();
        for (PromptTemplate t : templates.list(caller.workspace())) {
            list.add(PromptAnalytics.of(t, versions.getOrDefault(t.id(), List.of()), byId.get(t.id())));
        }
        list.sort((a, b) -> a.uses() != b.uses() ? Long.compare(b.uses(), a.uses()) : a.templateId().compareTo(b.templateId()));
        Instant asOf = list.stream().map(PromptAnalytics::lastUsedAt).filter(Objects::nonNull).max(Instant::compareTo)
                .orElse(now);
        return new All(w.from(), w.to(), asOf, list);
    }
}
