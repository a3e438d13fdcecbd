package dev.sextant.server.alerts;

import dev.sextant.model.WorkspaceId;
import java.time.Instant;

/**
 * A source of alerts other than the rules (budgets, ...): the scheduler asks it once per round and
 * workspace to raise or resolve its alerts through {@link AlertRaiser}. One call at a time per
 * workspace and producer; it must not throw for one bad record (log and go on).
 */
public interface AlertProducer {

    /** A short name for logs, e.g. {@code budgets}. */
    String name();

    void produce(WorkspaceId workspace, Instant now);
}
