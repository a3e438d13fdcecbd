-- Budgets (issue 4 item 8): at most amount_usd per period (day | week | month, UTC) in a scope
-- (scope_kind workspace | agent | model, scope_value the agent id or model name, null for the
-- workspace). thresholds: ascending fractions of the amount as text, e.g. "0.5,0.8,1.0".
-- enforcement: watch | enforce. No foreign keys; every row carries its workspace_id.
CREATE TABLE budgets (
    workspace_id VARCHAR(64)   NOT NULL,
    id           VARCHAR(64)   NOT NULL,
    name         VARCHAR       NOT NULL,
    scope_kind   VARCHAR(16)   NOT NULL,
    scope_value  VARCHAR,
    amount_usd   DECIMAL(18,9) NOT NULL,
    period       VARCHAR(16)   NOT NULL,
    thresholds   VARCHAR       NOT NULL,
    enforcement  VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
