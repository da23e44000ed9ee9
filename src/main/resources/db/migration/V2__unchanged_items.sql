-- Version 2: an answer identical to the item is its own outcome, 'unchanged' (nothing written, no version).

ALTER TABLE batch_operations ADD COLUMN unchanged_items INTEGER NOT NULL DEFAULT 0;

-- SQLite cannot alter a CHECK constraint: batch_items is rebuilt with 'unchanged' allowed. No table refers to it.
CREATE TABLE batch_items_v2 (
    batch_operation_id TEXT    NOT NULL REFERENCES batch_operations (id) ON DELETE CASCADE,
    item_id            TEXT    NOT NULL,
    position           INTEGER NOT NULL,
    status             TEXT    NOT NULL DEFAULT 'pending'
                               CHECK (status IN ('pending', 'succeeded', 'unchanged', 'failed', 'skipped')),
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
INSERT INTO batch_items_v2 (batch_operation_id, item_id, position, status, attempts, last_error, http_status,
                            latency_ms, prompt_tokens, completion_tokens, started_at, finished_at)
SELECT batch_operation_id, item_id, position, status, attempts, last_error, http_status, latency_ms, prompt_tokens,
       completion_tokens, started_at, finished_at
FROM batch_items;
DROP TABLE batch_items;
ALTER TABLE batch_items_v2 RENAME TO batch_items;
CREATE INDEX batch_items_by_status ON batch_items (batch_operation_id, status, position);
