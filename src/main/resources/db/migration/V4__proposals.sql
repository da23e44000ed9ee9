-- Version 4: review mode. A batch run with review stores each answer here instead of writing it to the item; an
-- accept writes it back (with its item_versions row, as a direct write-back would), a reject keeps the item.
-- before_* is the item as it was when the proposal was made: a proposal whose item no longer matches it is stale.
-- after_* is the proposed state; edited_content is the text an editor accepted instead of after_content, if any.

CREATE TABLE proposals (
    batch_operation_id      TEXT NOT NULL REFERENCES batch_operations (id) ON DELETE CASCADE,
    vault_id                TEXT NOT NULL,
    item_id                 TEXT NOT NULL,
    status                  TEXT NOT NULL DEFAULT 'proposed'
                                 CHECK (status IN ('proposed', 'accepted', 'rejected', 'stale')),
    before_content          TEXT NOT NULL,
    before_quality_tier     TEXT NOT NULL,
    before_keywords         TEXT NOT NULL DEFAULT '[]',
    before_confidence_score REAL,
    before_last_updated_at  TEXT NOT NULL,
    after_content           TEXT NOT NULL,
    after_quality_tier      TEXT NOT NULL,
    after_keywords          TEXT NOT NULL DEFAULT '[]',
    after_confidence_score  REAL,
    edited_content          TEXT,
    created_at              TEXT NOT NULL,
    decided_at              TEXT,
    PRIMARY KEY (batch_operation_id, item_id),
    FOREIGN KEY (vault_id, item_id) REFERENCES vault_items (vault_id, id) ON DELETE CASCADE
);
CREATE INDEX proposals_by_item ON proposals (vault_id, item_id);
CREATE INDEX proposals_by_status ON proposals (status, created_at);
