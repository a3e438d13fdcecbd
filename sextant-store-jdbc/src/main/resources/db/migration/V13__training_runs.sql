-- Training runs (issue 7 items 1 and 3). One row per run; its metric points in training_metrics.
-- hyperparameters, tags: JSON text (a JSON object), kept as text (not ${json_type}) so it reads back
-- byte for byte on both databases and a parameter write can compare-and-set it.
-- status: running | completed | failed | stopped. point_count, last_step, last_logged_at move with
-- every append (in its transaction): point_count numbers the points (training_metrics.seq), so
-- reads keep the logging order of points at the same step. No foreign keys; every row carries its
-- workspace_id.
CREATE TABLE training_runs (
    workspace_id      VARCHAR(64)  NOT NULL,
    id                VARCHAR(128) NOT NULL,
    agent_id          VARCHAR,
    name              VARCHAR,
    base_model        VARCHAR,
    training_type     VARCHAR(32)  NOT NULL,
    hyperparameters   VARCHAR      NOT NULL,
    dataset_id        VARCHAR,
    dataset_name      VARCHAR,
    dataset_size      BIGINT,
    dataset_source    VARCHAR,
    dataset_split     VARCHAR,
    total_steps       BIGINT,
    tags              VARCHAR      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    error_type        VARCHAR,
    error_message     VARCHAR,
    error_traceback   VARCHAR,
    gpu_hours         FLOAT8,
    peak_memory_gb    FLOAT8,
    cost_usd          DECIMAL(18,9),
    tokens_processed  BIGINT,
    point_count       BIGINT       NOT NULL,
    last_step         BIGINT,
    last_logged_at    TIMESTAMPTZ,
    created_at        TIMESTAMPTZ  NOT NULL,
    started_at        TIMESTAMPTZ  NOT NULL,
    ended_at          TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, id)
);

-- An append-only log, up to millions of rows per run: no primary key (DuckDB's appender then
-- writes column chunks without an index to maintain; seq is unique per run by construction).
-- value is FLOAT8 and keeps NaN and +/-Infinity. ts: when the point was logged (the client's time
-- if it sent one, else the server's).
CREATE TABLE training_metrics (
    workspace_id  VARCHAR(64)  NOT NULL,
    run_id        VARCHAR(128) NOT NULL,
    seq           BIGINT       NOT NULL,
    step          BIGINT       NOT NULL,
    epoch         FLOAT8,
    name          VARCHAR      NOT NULL,
    value         FLOAT8       NOT NULL,
    ts            TIMESTAMPTZ
);
