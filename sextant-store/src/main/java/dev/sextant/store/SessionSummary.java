package dev.sextant.store;

import dev.sextant.model.Session;

/** A session as recorded, with its totals over the traces that name it. */
public record SessionSummary(Session session, SessionTotals totals) {}
