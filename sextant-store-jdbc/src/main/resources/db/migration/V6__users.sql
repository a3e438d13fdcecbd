-- Dashboard users (issue 5 item 1): users, their memberships of workspaces, login sessions.
-- One DDL for DuckDB and PostgreSQL, no foreign keys. Users are not tenant data; memberships
-- and sessions carry the workspace_id. ("sessions" is taken by the tracking data's sessions.)

CREATE TABLE users (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR      NOT NULL,          -- as given
    email_key     VARCHAR      NOT NULL UNIQUE,   -- trimmed, lower-cased: unique ignoring case
    password_hash VARCHAR      NOT NULL,
    name          VARCHAR      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    disabled      BOOLEAN      NOT NULL
);

CREATE TABLE memberships (
    workspace_id VARCHAR(64)  NOT NULL,
    user_id      VARCHAR(64)  NOT NULL,
    role         VARCHAR(16)  NOT NULL, -- viewer | member | admin
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);

-- id is the hex SHA-256 of the cookie's 256-bit random token; the token is never stored.
CREATE TABLE login_sessions (
    id           VARCHAR(128) NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL,
    workspace_id VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_seen_at TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
