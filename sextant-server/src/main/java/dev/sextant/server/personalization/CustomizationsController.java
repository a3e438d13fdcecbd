package dev.sextant.server.personalization;

import dev.sextant.analytics.personalization.CustomizationChange;
import dev.sextant.analytics.personalization.CustomizationPatterns;
import dev.sextant.analytics.personalization.CustomizationPatterns.Pattern;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.ChangeKind;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.PersonalizationQuery;
import dev.sextant.store.SextantStore;
import dev.sextant.store.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who customizes configurations, how much and what (issue 6 item 5), from the customization
 * events written in the range: a change is a parameter changed by creating a configuration or
 * adding a version ({@code create} and {@code version} events; activations and rollbacks re-apply
 * changes already counted). The actor is the event's {@code created_by}. The workspace's members
 * who changed nothing are listed as non-customizers; API keys appear only when they changed something.
 */
@RestController
class CustomizationsController {
    private static final Set<String> KNOWN = Set.of("from", "to");

    private final ConfigurationStore configurations;
    private final UserStore users;
    private final Clock clock;

    CustomizationsController(SextantStore store, Clock clock) {
        this.configurations = store.configurations();
        this.users = store.users();
        this.clock = clock;
    }

    record PatternView(String actor, String actorKind, long changes, String userType, String primaryFocus,
            Map<String, Long> sections, Instant firstChange, Instant lastChange) {
        static PatternView of(Pattern p) {
            return new PatternView(p.actor(), p.actorKind(), p.changes(), p.userType().wire(), p.primaryFocus(),
                    p.sections(), p.firstChange(), p.lastChange());
        }
    }

    /** The user-type thresholds: a type needs more changes than its number. */
    record UserTypeRule(int powerUser, int active, int moderate, int light) {}

    record CustomizationsView(Instant dataAsOf, Instant from, Instant to, int actors, Map<String, Long> userTypes,
            UserTypeRule userTypeRule, List<PatternView> patterns) {}

    @GetMapping("/api/v1/analytics/personalization/customizations")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    CustomizationsView customizations(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        PersonalizationQuery q = PersonalizationParameters.window(request.getParameterMap(), KNOWN, clock.instant());
        List<CustomizationChange> changes = configurations.eventsBetween(caller.workspace(), q.from(), q.to()).stream()
                .filter(e -> (e.kind() == ChangeKind.CREATE || e.kind() == ChangeKind.VERSION) && e.parameter() != null)
                .map(e -> new CustomizationChange(e.createdBy(), e.parameter(), e.createdAt()))
                .toList();
        List<Pattern> patterns = new ArrayList<>(CustomizationPatterns.of(changes));
        Set<String> seen = new HashSet<>(patterns.stream().map(Pattern::actor).toList());
        users.members(caller.workspace()).stream()
                .map(m -> "user " + m.user().email() + " (" + m.user().id() + ")")
                .filter(actor -> !seen.contains(actor))
                .sorted(Comparator.naturalOrder())
                .forEach(actor -> patterns.add(CustomizationPatterns.none(actor)));
        Map<String, Long> types = new LinkedHashMap<>();
        for (var type : dev.sextant.analytics.personalization.UserType.values()) {
            types.put(type.wire(), patterns.stream().filter(p -> p.userType() == type).count());
        }
        Instant asOf = changes.stream().map(CustomizationChange::at).max(Instant::compareTo).orElse(clock.instant());
        return new CustomizationsView(asOf, q.from(), q.to(), patterns.size(), types,
                new UserTypeRule(20, 10, 5, 0),
                patterns.stream().map(PatternView::of).toList());
    }
}
