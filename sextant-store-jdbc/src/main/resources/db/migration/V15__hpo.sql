-- Hyperparameter optimization studies and their trials (issue 7 item 5).
-- search_space: JSON text, the parameters in the owner's order, each {name, type, low, high, log,
-- values}; baseline_hyperparameters and hyperparameters: JSON objects of name -> value. Kept as
-- text (not ${json_type}) so they read back in the order written on both databases.
-- seed: the study's random seed, fixed at creation so that random draws repeat.
-- A trial's number is its place in the study (1, 2, ...); (workspace_id, study_id, number) is
-- unique, so two trials posted at once cannot take the same number.
-- No foreign keys; every row carries its workspace_id.
CREATE TABLE hpo_studies (
    workspace_id             VARCHAR(64)  NOT NULL,
    id                       VARCHAR(64)  NOT NULL,
    name                     VARCHAR      NOT NULL,
    agent_id                 VARCHAR,
    method                   VARCHAR(16)  NOT NULL,
    metric                   VARCHAR      NOT NULL,
    direction                VARCHAR(16)  NOT NULL,
    search_space             VARCHAR      NOT NULL,
    baseline_hyperparameters VARCHAR,
    baseline_score           FLOAT8,
    seed                     BIGINT       NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE hpo_trials (
    workspace_id          VARCHAR(64)  NOT NULL,
    study_id              VARCHAR(64)  NOT NULL,
    id                    VARCHAR(64)  NOT NULL,
    number                BIGINT       NOT NULL,
    hyperparameters       VARCHAR      NOT NULL,
    score                 FLOAT8,
    training_time_seconds FLOAT8,
    convergence_epoch     INTEGER,
    overfitting           BOOLEAN,
    run_id                VARCHAR,
    status                VARCHAR(16)  NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workspace_id, id),
    UNIQUE (workspace_id, study_id, number)
);
