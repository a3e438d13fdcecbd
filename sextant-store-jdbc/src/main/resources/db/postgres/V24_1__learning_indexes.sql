-- PostgreSQL only (see V7): learning spans are found by their learning_id attribute when a
-- learning's applications are read; without this every read scans the workspace's learning spans.
CREATE INDEX spans_by_learning_id ON spans (workspace_id, (attributes ->> 'learning_id')) WHERE kind = 'learning';
