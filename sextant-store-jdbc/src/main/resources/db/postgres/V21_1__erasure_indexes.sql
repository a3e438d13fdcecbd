-- PostgreSQL only (see V7): an erasure finds one user's traces, scores and sessions by user id, one
-- batch at a time; without these each batch would scan the workspace. DuckDB keeps primary keys only.
CREATE INDEX traces_by_user ON traces (workspace_id, user_id);
CREATE INDEX scores_by_user ON scores (workspace_id, user_id);
CREATE INDEX sessions_by_user ON sessions (workspace_id, user_id);
