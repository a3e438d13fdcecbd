package dev.sextant.server.demo;

import java.time.Instant;
import java.util.List;

/**
 * What one story produced for one unit of work (a conversation, a campaign run, a coding
 * session): its items are sent together in one batch, so a trace never arrives without its spans.
 */
record Episode(Instant start, String id, List<WireItem> items) {
    Episode {
        items = List.copyOf(items);
    }
}
