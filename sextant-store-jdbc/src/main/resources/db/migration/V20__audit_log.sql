-- Audit log (issue 8 item 6): append-only, one row per administrative or configuration action.
-- One DDL for DuckDB and PostgreSQL, no foreign keys, every row carries its workspace_id.
-- details is JSON kept as text exactly as the server wrote it (never secrets or masked originals).
CREATE TABLE audit_log (
    workspace_id VARCHAR(64)  NOT NULL,
    id           VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor_kind   VARCHAR(16)  NOT NULL,
    actor_id     VARCHAR(128) NOT NULL,
    actor_name   VARCHAR,
    action       VARCHAR(64)  NOT NULL,
    target_type  VARCHAR(64),
    target_id    VARCHAR,
    details      VARCHAR      NOT NULL,
    source_ip    VARCHAR(64),
    user_agent   VARCHAR,
    request_id   VARCHAR(128),
    PRIMARY KEY (workspace_id, id)
);

CREATE INDEX audit_log_by_time ON audit_log (workspace_id, occurred_at);
