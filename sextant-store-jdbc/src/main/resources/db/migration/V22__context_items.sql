-- Typed context items (issue 8 item 1): one row per value of a context type of a trace
-- (trace_id set) or of a session (session_id set); a multi-valued type has one row per value.
-- value_text is always set (strings as sent, booleans "true"/"false", numbers in plain form);
-- value_num only for a scalar number, which makes the item numeric. Re-sending a record replaces
-- its rows. One DDL for DuckDB and PostgreSQL; every row carries its workspace_id.
CREATE TABLE context_items (
    workspace_id VARCHAR(64) NOT NULL,
    trace_id     VARCHAR,
    session_id   VARCHAR,
    item_type    VARCHAR(64) NOT NULL,
    value_text   VARCHAR     NOT NULL,
    value_num    FLOAT8
);
