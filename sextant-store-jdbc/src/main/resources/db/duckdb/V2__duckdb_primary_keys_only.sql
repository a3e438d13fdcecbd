-- DuckDB only (Flyway location db/duckdb, see Dialect.migrationLocations): keep the primary
-- keys, drop the secondary indexes. DuckDB's ART indexes are costly to maintain on every
-- append, DuckDB never uses a multi-column ART index for a lookup anyway (only the key check
-- of an insert uses it), and its column scans with zone maps serve these filters well.
-- PostgreSQL keeps these indexes: its B-trees are what its lookups use.
DROP INDEX IF EXISTS traces_newest;
DROP INDEX IF EXISTS spans_by_trace;
DROP INDEX IF EXISTS scores_by_trace;
