-- PostgreSQL only (see V7): a page of interactions reads its traces' and sessions' items by id, and
-- every re-sent record deletes its old items; without these each would scan the workspace's items.
CREATE INDEX context_items_by_trace ON context_items (workspace_id, trace_id);
CREATE INDEX context_items_by_session ON context_items (workspace_id, session_id);
