-- Model versions and their benchmark evaluations (issue 7 item 6). One DDL for DuckDB and
-- PostgreSQL, no foreign keys, every row carries its workspace_id. Rows are never updated.
-- model_id is the model name production LLM spans carry (spans.model); parent_version_id another
-- version of the same agent (checked on write); run_id the training run, free text; tags a JSON
-- array as text (byte for byte on both databases).
CREATE TABLE model_versions (
    workspace_id      VARCHAR(64) NOT NULL,
    id                VARCHAR(64) NOT NULL,
    agent_id          VARCHAR     NOT NULL,
    version_label     VARCHAR     NOT NULL,
    model_id          VARCHAR     NOT NULL,
    base_model        VARCHAR,
    parent_version_id VARCHAR(64),
    run_id            VARCHAR,
    training_type     VARCHAR(32),
    deployed_at       TIMESTAMPTZ,
    notes             VARCHAR,
    tags              VARCHAR     NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, id),
    UNIQUE (workspace_id, agent_id, version_label)
);

-- metrics: a JSON object of name -> number, as text; primary_metric one of its names. No secondary
-- index (DuckDB keeps primary keys only, see db/duckdb/V2; a workspace has few evaluations). The
-- UNIQUE key above is a key check, which is what DuckDB's ART index serves.
CREATE TABLE model_evaluations (
    workspace_id   VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    version_id     VARCHAR(64) NOT NULL,
    benchmark      VARCHAR     NOT NULL,
    metrics        VARCHAR     NOT NULL,
    primary_metric VARCHAR     NOT NULL,
    dataset        VARCHAR,
    sample_size    BIGINT,
    evaluated_at   TIMESTAMPTZ NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
