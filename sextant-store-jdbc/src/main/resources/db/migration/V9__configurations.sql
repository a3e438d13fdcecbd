-- Versioned agent configurations (issue 6 item 1). One DDL for DuckDB and PostgreSQL, no
-- foreign keys, every row carries its workspace_id.

-- active_version is THE active version (exactly one per configuration, by construction);
-- latest_version the highest number given out; last_event the seq of its newest event.
-- Every change first updates this row, which serialises changes of one configuration.
CREATE TABLE configurations (
    workspace_id   VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    agent_id       VARCHAR     NOT NULL,
    name           VARCHAR     NOT NULL,
    description    VARCHAR,
    active_version INTEGER     NOT NULL,
    latest_version INTEGER     NOT NULL,
    last_event     BIGINT      NOT NULL,
    created_by     VARCHAR     NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- Versions never change once written. content and validation are JSON objects as text (kept
-- byte for byte as the server wrote them on both databases); parent_number is null for v1.
CREATE TABLE configuration_versions (
    workspace_id     VARCHAR(64) NOT NULL,
    configuration_id VARCHAR(64) NOT NULL,
    version_number   INTEGER     NOT NULL,
    parent_number    INTEGER,
    content          VARCHAR     NOT NULL,
    message          VARCHAR,
    created_by       VARCHAR     NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    min_sdk_version  VARCHAR(32) NOT NULL,
    validation       VARCHAR     NOT NULL,
    PRIMARY KEY (workspace_id, configuration_id, version_number)
);

-- One row per changed parameter per change (kind create | version | activate | rollback);
-- from_version and to_version are version ids ("<configuration>-v<n>"), old_value and
-- new_value JSON texts, impact_level low | medium | high, validation the version's result.
CREATE TABLE customization_events (
    workspace_id     VARCHAR(64) NOT NULL,
    configuration_id VARCHAR(64) NOT NULL,
    seq              BIGINT      NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    from_version     VARCHAR,
    to_version       VARCHAR     NOT NULL,
    parameter_path   VARCHAR,
    old_value        VARCHAR,
    new_value        VARCHAR,
    impact_level     VARCHAR(8)  NOT NULL,
    validation       VARCHAR     NOT NULL,
    created_by       VARCHAR     NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, configuration_id, seq)
);
