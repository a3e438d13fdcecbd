-- A/B experiments (issue 6 item 4). One row per experiment; no assignment table: a unit's variant
-- is a hash of (experiment id, unit id), see docs/API.md "Experiments".
-- variants: JSON text, the variants in their order, each {id, name, configuration_version,
-- allocation, control}; kept as text (not ${json_type}) so it reads back byte for byte on both
-- databases. success_metrics, guardrails: comma-separated metric names, primary first.
-- status: draft | running | stopped | concluded. winner, conclusion, concluded_at are filled
-- by the results side when it concludes. No foreign keys; every row carries its workspace_id.
CREATE TABLE experiments (
    workspace_id              VARCHAR(64)  NOT NULL,
    id                        VARCHAR(64)  NOT NULL,
    name                      VARCHAR      NOT NULL,
    hypothesis                VARCHAR,
    agent_id                  VARCHAR,
    unit                      VARCHAR(32)  NOT NULL,
    variants                  VARCHAR      NOT NULL,
    success_metrics           VARCHAR      NOT NULL,
    guardrails                VARCHAR      NOT NULL,
    minimum_sample_size       BIGINT,
    minimum_detectable_effect FLOAT8,
    baseline                  FLOAT8,
    alpha                     FLOAT8       NOT NULL,
    power                     FLOAT8       NOT NULL,
    correction                VARCHAR(32)  NOT NULL,
    auto_conclude             BOOLEAN      NOT NULL,
    starts_at                 TIMESTAMPTZ,
    ends_at                   TIMESTAMPTZ,
    status                    VARCHAR(16)  NOT NULL,
    winner                    VARCHAR(64),
    conclusion                VARCHAR,
    created_at                TIMESTAMPTZ  NOT NULL,
    updated_at                TIMESTAMPTZ  NOT NULL,
    started_at                TIMESTAMPTZ,
    stopped_at                TIMESTAMPTZ,
    concluded_at              TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX experiments_by_status ON experiments (workspace_id, status);
