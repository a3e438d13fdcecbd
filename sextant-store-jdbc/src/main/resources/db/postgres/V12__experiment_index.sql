-- PostgreSQL only (Flyway location db/postgres, see Dialect.migrationLocations): the results of an
-- experiment read its traces by (workspace_id, experiment_id, started_at range). Without this index
-- PostgreSQL reads every trace of the workspace in the window through traces_newest and filters;
-- with it, only the experiment's. EXPLAIN ANALYZE on 1M traces over 60 days with an experiment of
-- 5% of the traffic over its last 14 days: 233,330 index rows and 123 ms before, 11,667 rows and
-- 69 ms after. DuckDB keeps only primary keys (see db/duckdb/V2): its zone maps serve the filter.
CREATE INDEX traces_by_experiment ON traces (workspace_id, experiment_id, started_at);
