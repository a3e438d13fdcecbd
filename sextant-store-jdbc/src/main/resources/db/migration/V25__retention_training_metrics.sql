-- Retention of training metrics (issue 8 item 4): what a run deleted of them. The kind itself is
-- a new value of retention_policies.kind ('training_metrics', 16 characters, fits VARCHAR(16)).
-- Runs recorded before this migration read 0. DuckDB adds no column with a NOT NULL constraint;
-- the store always writes a number.
ALTER TABLE retention_runs ADD COLUMN metrics_deleted BIGINT DEFAULT 0;
