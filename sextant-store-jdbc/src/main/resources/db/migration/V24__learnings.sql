-- The learning loop (issue 8 item 3): learnings (a pattern, its evidence, its confidence) and their
-- applications to traces. One DDL for DuckDB and PostgreSQL, no foreign keys, every row carries its
-- workspace_id. pattern is JSON text as the client sent it (validated, re-serialised by the server);
-- the evidence is kept in typed columns so it can be read without parsing.
CREATE TABLE learnings (
    workspace_id         VARCHAR(64)  NOT NULL,
    id                   VARCHAR(64)  NOT NULL,
    agent_id             VARCHAR,
    statement            VARCHAR      NOT NULL,
    pattern              VARCHAR      NOT NULL,
    evidence_support     DOUBLE PRECISION,
    evidence_confidence  DOUBLE PRECISION,
    evidence_lift        DOUBLE PRECISION,
    evidence_n           BIGINT,
    evidence_source      VARCHAR(256),
    initial_confidence   DOUBLE PRECISION,
    status               VARCHAR(16)  NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    created_by           VARCHAR(256) NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- One application of a learning to a trace (applying it again to the same trace updates it).
-- outcome is the one the client declared (success / failure), null when it left it to the trace;
-- rows written here come from the API (source 'api'); learning spans are read where they are.
CREATE TABLE learning_applications (
    workspace_id VARCHAR(64)  NOT NULL,
    learning_id  VARCHAR(64)  NOT NULL,
    trace_id     VARCHAR      NOT NULL,
    applied_at   TIMESTAMPTZ  NOT NULL,
    outcome      VARCHAR(16),
    source       VARCHAR(8)   NOT NULL,
    PRIMARY KEY (workspace_id, learning_id, trace_id)
);
