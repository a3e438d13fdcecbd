package dev.sextant.server.personalization;

import dev.sextant.analytics.personalization.UserAgentTrend;
import dev.sextant.analytics.personalization.UserSegments;
import dev.sextant.analytics.personalization.UserTrends;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.PersonalizationReader;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personalization (issue 6 item 5): per user and agent weekly activity and rating trends, and
 * behaviour segments with recommendations. Both read the store once and compute in Java.
 */
@RestController
@RequestMapping("/api/v1/analytics/personalization")
class PersonalizationController {
    private final PersonalizationReader reader;
    private final Clock clock;

    PersonalizationController(SextantStore store, Clock clock) {
        this.reader = store.personalization();
        this.clock = clock;
    }

    @GetMapping("/users")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    UsersView users(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        PersonalizationParameters p = PersonalizationParameters.users(request.getParameterMap(), clock.instant());
        List<UserAgentTrend> all = UserTrends.of(reader.weeks(caller.workspace(), p.query()));
        List<UserAgentTrend> rest = p.cursor() == null ? all : all.stream().filter(p.cursor()::isBefore).toList();
        List<UserAgentTrend> page = rest.stream().limit(p.limit()).toList();
        UserCursor next = rest.size() > page.size() ? UserCursor.after(page.getLast()) : null;
        return UsersView.of(p.query(), all, page, next);
    }

    @GetMapping("/segments")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    SegmentsView segments(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        PersonalizationParameters p = PersonalizationParameters.segments(request.getParameterMap(), clock.instant());
        return SegmentsView.of(p.query(), UserSegments.of(reader.behaviour(caller.workspace(), p.query()), p.k()));
    }
}
