package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.List;

/** Usage figures of prompt templates, aggregated in the database. */
public interface PromptUsageReader {

    /** One entry per template id with at least one use in the window, by id (byte order). */
    List<PromptUsage> usage(WorkspaceId workspace, PromptUsageQuery query);
}
