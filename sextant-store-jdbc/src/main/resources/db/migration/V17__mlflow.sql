-- The MLflow tracking layer (issue 7 item 2) over training_runs: what MLflow has and a run lacks.
-- mlflow_experiments: experiment ids are numbers per workspace (0 is the "Default" experiment, made
-- on first use), shown as strings on the wire; the name is unique per workspace, as in MLflow.
-- lifecycle_stage: active | deleted. tags: a JSON object as text (byte for byte on both databases).
-- mlflow_runs: links a training run (same workspace_id and id) to its experiment, with the MLflow
-- user and lifecycle; the run itself (name, status, params, tags, metrics) stays in training_runs.
-- No foreign keys; every row carries its workspace_id.
CREATE TABLE mlflow_experiments (
    workspace_id      VARCHAR(64)  NOT NULL,
    id                BIGINT       NOT NULL,
    name              VARCHAR      NOT NULL,
    artifact_location VARCHAR      NOT NULL,
    lifecycle_stage   VARCHAR(16)  NOT NULL,
    tags              VARCHAR      NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workspace_id, id),
    UNIQUE (workspace_id, name)
);

CREATE TABLE mlflow_runs (
    workspace_id      VARCHAR(64)  NOT NULL,
    run_id            VARCHAR(128) NOT NULL,
    experiment_id     BIGINT       NOT NULL,
    user_id           VARCHAR,
    lifecycle_stage   VARCHAR(16)  NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workspace_id, run_id)
);
