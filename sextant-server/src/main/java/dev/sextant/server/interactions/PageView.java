package dev.sextant.server.interactions;

import dev.sextant.store.InteractionPage;
import java.util.List;

record PageView(List<TraceView> items, int page, int pageSize, String nextCursor) {

    static PageView of(InteractionPage page) {
        return new PageView(page.items().stream().map(TraceView::of).toList(), page.page(), page.pageSize(),
                page.nextCursor());
    }
}
