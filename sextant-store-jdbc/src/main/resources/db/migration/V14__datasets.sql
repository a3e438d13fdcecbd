-- Uploaded datasets and their quality reports (issue 7 item 4). The raw content is never kept:
-- it is analysed while it streams in. status: uploading | analyzing | ready | failed.
-- bytes, lines_read: how far the upload has read (its progress, updated while it runs);
-- records: records analysed, set with the report. report: the report's JSON text, kept as text
-- (not ${json_type}) so it reads back byte for byte on both databases. No foreign keys; every
-- row carries its workspace_id.
CREATE TABLE datasets (
    workspace_id      VARCHAR(64)  NOT NULL,
    id                VARCHAR(64)  NOT NULL,
    name              VARCHAR      NOT NULL,
    format            VARCHAR(32),
    status            VARCHAR(16)  NOT NULL,
    bytes             BIGINT       NOT NULL,
    lines_read        BIGINT       NOT NULL,
    records           BIGINT,
    score             FLOAT8,
    training_ready    BOOLEAN,
    report            VARCHAR,
    error             VARCHAR,
    created_at        TIMESTAMPTZ  NOT NULL,
    upload_started_at TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX datasets_by_created ON datasets (workspace_id, created_at);
