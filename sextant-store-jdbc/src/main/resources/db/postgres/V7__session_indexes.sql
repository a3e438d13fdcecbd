-- PostgreSQL only (Flyway location db/postgres, see Dialect.migrationLocations): the lookups of the
-- sessions API and of the login-session purge. A session's totals and detail find its traces by
-- session_id; the list pages sessions newest first; the purge finds ended logins by expiry and
-- last use. DuckDB has no such version: it keeps only primary keys (see db/duckdb/V2) and scans.
CREATE INDEX traces_by_session ON traces (workspace_id, session_id);
CREATE INDEX sessions_newest ON sessions (workspace_id, started_at, id);
CREATE INDEX login_sessions_expiry ON login_sessions (expires_at);
CREATE INDEX login_sessions_last_seen ON login_sessions (last_seen_at);
