-- Retention (issue 8 item 4): the periods a workspace chose, and the record of retention runs.
-- One DDL for DuckDB and PostgreSQL, no foreign keys, every row carries its workspace_id.

-- One row per kind the workspace set (traces | payloads | scores); days NULL = keep forever.
-- A kind without a row follows the server's default (sextant.retention.*).
CREATE TABLE retention_policies (
    workspace_id VARCHAR(64) NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    days         INTEGER,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, kind)
);

-- One row per finished run; error is set when the run stopped early (what it removed stays removed).
CREATE TABLE retention_runs (
    workspace_id     VARCHAR(64) NOT NULL,
    id               VARCHAR(64) NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ NOT NULL,
    traces_deleted   BIGINT      NOT NULL,
    spans_deleted    BIGINT      NOT NULL,
    payloads_cleared BIGINT      NOT NULL,
    scores_deleted   BIGINT      NOT NULL,
    sessions_deleted BIGINT      NOT NULL,
    error            VARCHAR,
    PRIMARY KEY (workspace_id, id)
);
