-- Masking at ingestion (issue 8 item 5). One DDL for DuckDB and PostgreSQL, no foreign keys,
-- every row carries its workspace_id.

-- The rules a workspace saved (JSON as text, exactly as written); no row = the defaults.
CREATE TABLE masking_rules (
    workspace_id VARCHAR(64) NOT NULL PRIMARY KEY,
    rules        VARCHAR     NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- The key of the workspace's HMAC-SHA256 hashes (hex of 32 random bytes), made on first use.
CREATE TABLE masking_secrets (
    workspace_id VARCHAR(64) NOT NULL PRIMARY KEY,
    secret       VARCHAR(128) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

-- How many values each detector masked, hashed or dropped, per UTC day.
CREATE TABLE masking_counts (
    workspace_id VARCHAR(64) NOT NULL,
    day          DATE        NOT NULL,
    detector     VARCHAR(64) NOT NULL,
    action       VARCHAR(8)  NOT NULL,
    value_count  BIGINT      NOT NULL,
    PRIMARY KEY (workspace_id, day, detector, action)
);
