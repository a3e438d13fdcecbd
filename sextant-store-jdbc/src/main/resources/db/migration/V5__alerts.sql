-- Alerts (issue 4 item 10): rules, alerts of any producer, webhooks and their deliveries.
-- One DDL for DuckDB and PostgreSQL, no foreign keys, every row carries its workspace_id.
-- Depends only on V1 (nothing here refers to another table).

CREATE TABLE alert_rules (
    workspace_id        VARCHAR(64)  NOT NULL,
    id                  VARCHAR(64)  NOT NULL,
    name                VARCHAR      NOT NULL,
    metric              VARCHAR(32)  NOT NULL,
    filters             VARCHAR      NOT NULL, -- JSON object of interaction filters, wire names: {"agent_id": "bot"}
    window_seconds      BIGINT       NOT NULL,
    condition_kind      VARCHAR(16)  NOT NULL, -- threshold | anomaly
    threshold_op        VARCHAR(4),
    threshold_value     FLOAT8,
    anomaly_direction   VARCHAR(8),
    anomaly_sensitivity FLOAT8,
    min_samples         BIGINT       NOT NULL,
    severity            VARCHAR(16)  NOT NULL,
    enabled             BOOLEAN      NOT NULL,
    webhook_ids         VARCHAR      NOT NULL, -- JSON array of webhook ids
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- open_key is the dedupe key while the alert is open and NULL once resolved: the unique key
-- allows one open alert per (workspace, key) and any number of resolved ones.
CREATE TABLE alerts (
    workspace_id    VARCHAR(64)  NOT NULL,
    id              VARCHAR(64)  NOT NULL,
    dedupe_key      VARCHAR      NOT NULL,
    open_key        VARCHAR,
    source          VARCHAR(32)  NOT NULL,
    rule_id         VARCHAR(64),
    title           VARCHAR      NOT NULL,
    severity        VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL, -- firing | acknowledged | resolved
    value           FLOAT8,
    details         VARCHAR,               -- JSON object as text
    occurrences     BIGINT       NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    last_seen_at    TIMESTAMPTZ  NOT NULL,
    resolved_at     TIMESTAMPTZ,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by VARCHAR,
    PRIMARY KEY (workspace_id, id),
    UNIQUE (workspace_id, open_key)
);

CREATE TABLE webhooks (
    workspace_id VARCHAR(64) NOT NULL,
    id           VARCHAR(64) NOT NULL,
    url          VARCHAR     NOT NULL,
    secret       VARCHAR     NOT NULL,
    format       VARCHAR(16) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE webhook_deliveries (
    workspace_id     VARCHAR(64) NOT NULL,
    id               VARCHAR(64) NOT NULL,
    webhook_id       VARCHAR(64) NOT NULL,
    alert_id         VARCHAR(64) NOT NULL,
    event            VARCHAR(16) NOT NULL, -- fired | resolved
    status           VARCHAR(16) NOT NULL, -- pending | delivered | failed
    attempts         INTEGER     NOT NULL,
    last_status_code INTEGER,
    last_error       VARCHAR,
    created_at       TIMESTAMPTZ NOT NULL,
    last_attempt_at  TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, id)
);
