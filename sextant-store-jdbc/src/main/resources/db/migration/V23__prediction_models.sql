-- Predictions (issue 8 item 2): every training of a target keeps a version, offered or not, with
-- the reason, its held-out quality (JSON text, read back byte for byte) and the model. The model is
-- Tribuo's protobuf serialization, kept as Base64 text: one column type on DuckDB and PostgreSQL
-- (no BLOB/BYTEA placeholder), and a model is small (kilobytes to a few megabytes). NULL when no
-- model was fitted (too little data).
CREATE TABLE prediction_models (
    workspace_id VARCHAR(64) NOT NULL,
    target       VARCHAR(32) NOT NULL,
    version      INTEGER     NOT NULL,
    trained_at   TIMESTAMPTZ NOT NULL,
    offered      BOOLEAN     NOT NULL,
    status       VARCHAR(32) NOT NULL,
    reason       VARCHAR     NOT NULL,
    quality      VARCHAR     NOT NULL,
    model        VARCHAR,
    PRIMARY KEY (workspace_id, target, version)
);
