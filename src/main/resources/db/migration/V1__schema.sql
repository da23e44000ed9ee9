-- Goldsmith schema, version 1. Times are ISO-8601 UTC text; JSON columns are text.

CREATE TABLE vaults (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    owner       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE vault_items (
    vault_id         TEXT    NOT NULL REFERENCES vaults (id) ON DELETE CASCADE,
    id               TEXT    NOT NULL,
    position         INTEGER NOT NULL,
    type             TEXT    NOT NULL CHECK (type IN ('power_phrase', 'transferable_skill', 'hidden_competency')),
    content          TEXT    NOT NULL,
    quality_tier     TEXT    NOT NULL CHECK (quality_tier IN ('assumed', 'bronze', 'silver', 'gold')),
    keywords         TEXT    NOT NULL DEFAULT '[]',
    confidence_score REAL,
    created_at       TEXT    NOT NULL,
    last_updated_at  TEXT    NOT NULL,
    PRIMARY KEY (vault_id, id)
);
CREATE INDEX vault_items_by_position ON vault_items (vault_id, position);

-- The original job's table, column for column, plus what the engine and resume need.
CREATE TABLE batch_operations (
    id                TEXT    PRIMARY KEY,
    user_id           TEXT,
    vault_id          TEXT    NOT NULL REFERENCES vaults (id) ON DELETE CASCADE,
    operation_type    TEXT    NOT NULL CHECK (operation_type IN ('enhance', 'keyword_suggest')),
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'processing', 'paused', 'cancelled',
                                                         'interrupted', 'completed', 'failed')),
    total_items       INTEGER NOT NULL DEFAULT 0,
    processed_items   INTEGER NOT NULL DEFAULT 0,
    successful_items  INTEGER NOT NULL DEFAULT 0,
    failed_items      INTEGER NOT NULL DEFAULT 0,
    error_message     TEXT,
    metadata          TEXT    NOT NULL DEFAULT '{}',
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    completed_at      TEXT,
    skipped_items     INTEGER NOT NULL DEFAULT 0,
    prompt_tokens     INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    cost_usd          REAL    NOT NULL DEFAULT 0,
    owner_id          TEXT,
    heartbeat_at      TEXT,
    parent_batch_id   TEXT    REFERENCES batch_operations (id) ON DELETE SET NULL,
    active_ms         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX batch_operations_by_created ON batch_operations (created_at);
CREATE INDEX batch_operations_by_status ON batch_operations (status);

CREATE TABLE batch_items (
    batch_operation_id TEXT    NOT NULL REFERENCES batch_operations (id) ON DELETE CASCADE,
    item_id            TEXT    NOT NULL,
    position           INTEGER NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'pending'
                               CHECK (status IN ('pending', 'succeeded', 'failed', 'skipped')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT,
    http_status        INTEGER,
    latency_ms         INTEGER,
    prompt_tokens      INTEGER NOT NULL DEFAULT 0,
    completion_tokens  INTEGER NOT NULL DEFAULT 0,
    started_at         TEXT,
    finished_at        TEXT,
    PRIMARY KEY (batch_operation_id, item_id)
);
CREATE INDEX batch_items_by_status ON batch_items (batch_operation_id, status, position);

-- Every write-back keeps the item's previous state (and the new one, for before/after views).
CREATE TABLE item_versions (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    vault_id           TEXT NOT NULL,
    item_id            TEXT NOT NULL,
    batch_operation_id TEXT REFERENCES batch_operations (id) ON DELETE SET NULL,
    content            TEXT NOT NULL,
    quality_tier       TEXT NOT NULL,
    keywords           TEXT NOT NULL DEFAULT '[]',
    confidence_score   REAL,
    new_content        TEXT NOT NULL,
    new_quality_tier   TEXT NOT NULL,
    new_keywords       TEXT NOT NULL DEFAULT '[]',
    new_confidence_score REAL,
    reason             TEXT NOT NULL DEFAULT 'batch',
    created_at         TEXT NOT NULL,
    FOREIGN KEY (vault_id, item_id) REFERENCES vault_items (vault_id, id) ON DELETE CASCADE
);
CREATE INDEX item_versions_by_item ON item_versions (vault_id, item_id, id);
CREATE INDEX item_versions_by_batch ON item_versions (batch_operation_id);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
