-- Erasure of one end user's data (issue 8 item 7): one receipt per erasure, counts and times only,
-- nothing of what was erased. One DDL for DuckDB and PostgreSQL, every row carries its workspace_id.
-- user_id is the id as the admin asked for it (the subject of the request, so the receipt can be found by it).
CREATE TABLE erasure_receipts (
    workspace_id     VARCHAR(64)  NOT NULL,
    id               VARCHAR(64)  NOT NULL,
    user_id          VARCHAR      NOT NULL,
    requested_at     TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ  NOT NULL,
    traces_deleted   BIGINT       NOT NULL,
    spans_deleted    BIGINT       NOT NULL,
    scores_deleted   BIGINT       NOT NULL,
    sessions_deleted BIGINT       NOT NULL,
    remaining        BIGINT       NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
