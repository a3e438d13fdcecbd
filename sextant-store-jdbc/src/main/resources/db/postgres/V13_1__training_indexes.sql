-- PostgreSQL only (Flyway location db/postgres): the reads of a run's points select by run and
-- metric name and order by (step, seq) - exact pages and downsampling both. Listing runs is newest
-- first per workspace. DuckDB keeps no secondary index (see db/duckdb/V2): zone maps on the
-- appended column chunks serve the run filter.
CREATE INDEX training_metrics_by_run ON training_metrics (workspace_id, run_id, name, step, seq);
CREATE INDEX training_runs_newest ON training_runs (workspace_id, created_at DESC, id DESC);
