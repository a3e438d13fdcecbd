package dev.sextant.server.sessions;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SessionPage;
import dev.sextant.store.SessionReader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working sessions (what {@code sextant session start|log-tool|log-codegen|end} and the SDK
 * record): the list with totals, and one session with its traces and steps.
 */
@RestController
@RequestMapping("/api/v1/sessions")
class SessionController {
    /** The detail's cap on traces and on steps; the totals always count everything. */
    static final int MAX_ITEMS = 1000;

    private final SessionReader reader;

    SessionController(SessionReader reader) {
        this.reader = reader;
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    PageView list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        SessionParameters.Parsed p = SessionParameters.read(request.getParameterMap());
        return PageView.of(reader.list(caller.workspace(), p.query(), p.page()));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    SessionDetailView get(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            HttpServletRequest request) {
        QueryParams.none(request.getParameterMap());
        if (id.length() > SessionParameters.MAX_ID_LENGTH) {
            throw new InvalidRequestException(List.of(FieldProblem.parameter("id", "id is " + id.length()
                    + " characters long; session ids are at most " + SessionParameters.MAX_ID_LENGTH)));
        }
        return reader.get(caller.workspace(), id, MAX_ITEMS).map(SessionDetailView::of)
                .orElseThrow(() -> new NotFoundException("session", id));
    }

    record PageView(List<SessionView> items, int page, int pageSize, String nextCursor) {
        static PageView of(SessionPage page) {
            return new PageView(page.items().stream().map(SessionView::of).toList(), page.page(), page.pageSize(),
                    page.nextCursor());
        }
    }
}
