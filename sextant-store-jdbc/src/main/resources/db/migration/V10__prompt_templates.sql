-- Prompt templates (issue 6 item 3): a template (client id, unique per workspace) and its
-- immutable versions 1, 2, ... production_version is where the `production` label points; NULL
-- means the newest version. tags and variables are JSON text (read and written only by Java).
-- One DDL for DuckDB and PostgreSQL, no foreign keys, every row carries its workspace_id.
CREATE TABLE prompt_templates (
    workspace_id       VARCHAR(64) NOT NULL,
    id                 VARCHAR(64) NOT NULL,
    name               VARCHAR     NOT NULL,
    description        VARCHAR,
    agent_id           VARCHAR,
    tags               VARCHAR     NOT NULL, -- JSON array of strings
    production_version INTEGER,
    latest_version     INTEGER     NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE prompt_template_versions (
    workspace_id VARCHAR(64) NOT NULL,
    template_id  VARCHAR(64) NOT NULL,
    version      INTEGER     NOT NULL,
    text         VARCHAR     NOT NULL,
    variables    VARCHAR     NOT NULL, -- JSON array of {name, description, required, default}
    message      VARCHAR,
    created_by   VARCHAR     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, template_id, version)
);
