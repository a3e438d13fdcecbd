-- One DDL for DuckDB and PostgreSQL. Dialect differences are Flyway placeholders:
--   ${json_type}: JSON on DuckDB, JSONB on PostgreSQL.
-- No foreign keys: every row carries its workspace_id, and DuckDB cannot update a row that a
-- foreign key references. Tracking rows are keyed by (workspace_id, client id).

CREATE TABLE workspaces (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    slug        VARCHAR(128) NOT NULL UNIQUE,
    name        VARCHAR      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE api_keys (
    workspace_id VARCHAR(64)  NOT NULL,
    id           VARCHAR(64)  NOT NULL,
    name         VARCHAR      NOT NULL,
    prefix       VARCHAR(64)  NOT NULL,
    secret_hash  VARCHAR(128) NOT NULL UNIQUE,
    scopes       VARCHAR      NOT NULL, -- space-separated wire names: "ingest:write analytics:view"
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE traces (
    workspace_id       VARCHAR(64) NOT NULL,
    id                 VARCHAR     NOT NULL,
    agent_id           VARCHAR,
    session_id         VARCHAR,
    conversation_id    VARCHAR,
    user_id            VARCHAR,
    name               VARCHAR,
    input              VARCHAR,
    output             VARCHAR,
    status             VARCHAR(16),
    error              VARCHAR,
    started_at         TIMESTAMPTZ,
    ended_at           TIMESTAMPTZ,
    duration_ms        BIGINT,
    message_type       VARCHAR,
    intents            ${json_type},
    confidence         FLOAT8,
    handoff_triggered  BOOLEAN,
    handoff_reason     VARCHAR,
    handoff_target     VARCHAR,
    context_size       INTEGER,
    config_version     VARCHAR,
    experiment_id      VARCHAR,
    variant_id         VARCHAR,
    tags               ${json_type},
    metadata           ${json_type},
    -- true while only spans have named this trace; the trace record itself has not arrived
    placeholder        BOOLEAN       NOT NULL DEFAULT FALSE,
    -- roll-ups over the trace's spans, refreshed by every write that touches the trace
    span_count         BIGINT        NOT NULL DEFAULT 0,
    input_tokens       BIGINT        NOT NULL DEFAULT 0,
    output_tokens      BIGINT        NOT NULL DEFAULT 0,
    cache_read_tokens  BIGINT        NOT NULL DEFAULT 0,
    cache_write_tokens BIGINT        NOT NULL DEFAULT 0,
    reasoning_tokens   BIGINT        NOT NULL DEFAULT 0,
    cost_usd           DECIMAL(18,9) NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX traces_newest ON traces (workspace_id, started_at, id);

CREATE TABLE spans (
    workspace_id          VARCHAR(64) NOT NULL,
    id                    VARCHAR     NOT NULL,
    trace_id              VARCHAR,
    parent_id             VARCHAR,
    kind                  VARCHAR(32),
    name                  VARCHAR,
    status                VARCHAR(16),
    error                 VARCHAR,
    started_at            TIMESTAMPTZ,
    ended_at              TIMESTAMPTZ,
    duration_ms           BIGINT,
    model                 VARCHAR,
    provider              VARCHAR,
    -- usage: all five counts are null together (no usage) or set together
    input_tokens          BIGINT,
    output_tokens         BIGINT,
    cache_read_tokens     BIGINT,
    cache_write_tokens    BIGINT,
    reasoning_tokens      BIGINT,
    usage_estimated       BOOLEAN,
    cost_usd              DECIMAL(18,9),
    cost_source           VARCHAR(16),
    tool_name             VARCHAR,
    decision_point        VARCHAR,
    decision_chosen       VARCHAR,
    decision_alternatives ${json_type},
    decision_reasoning    VARCHAR,
    confidence            FLOAT8,
    handoff_triggered     BOOLEAN,
    handoff_reason        VARCHAR,
    handoff_target        VARCHAR,
    attributes            ${json_type},
    input                 VARCHAR,
    output                VARCHAR,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX spans_by_trace ON spans (workspace_id, trace_id);

CREATE TABLE scores (
    workspace_id VARCHAR(64) NOT NULL,
    id           VARCHAR     NOT NULL,
    trace_id     VARCHAR,
    span_id      VARCHAR,
    name         VARCHAR,
    value        FLOAT8,
    string_value VARCHAR,
    comment      VARCHAR,
    source       VARCHAR(16),
    user_id      VARCHAR,
    created_at   TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX scores_by_trace ON scores (workspace_id, trace_id);

CREATE TABLE sessions (
    workspace_id VARCHAR(64) NOT NULL,
    id           VARCHAR     NOT NULL,
    user_id      VARCHAR,
    agent_id     VARCHAR,
    context      ${json_type},
    started_at   TIMESTAMPTZ,
    ended_at     TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, id)
);

-- A workspace's own prices (the shipped catalog lives in sextant-cost); one row per tier.
CREATE TABLE model_prices (
    workspace_id        VARCHAR(64)   NOT NULL,
    id                  VARCHAR(64)   NOT NULL,
    model               VARCHAR       NOT NULL,
    provider            VARCHAR,
    match_pattern       VARCHAR       NOT NULL,
    valid_from          DATE          NOT NULL,
    valid_to            DATE,
    above_prompt_tokens BIGINT        NOT NULL DEFAULT 0,
    input_per_m         DECIMAL(18,9) NOT NULL,
    output_per_m        DECIMAL(18,9) NOT NULL,
    cache_read_per_m    DECIMAL(18,9),
    cache_write_per_m   DECIMAL(18,9),
    reasoning_per_m     DECIMAL(18,9),
    created_at          TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
