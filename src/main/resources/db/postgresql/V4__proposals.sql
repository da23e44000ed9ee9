-- Version 4: review mode, for PostgreSQL: the twin of db/migration/V4__proposals.sql in PostgreSQL's types. A batch
-- run with review stores each answer here instead of writing it to the item; an accept writes it back (with its
-- item_versions row, as a direct write-back would), a reject keeps the item. before_* is the item as it was when the
-- proposal was made: a proposal whose item no longer matches it is stale. after_* is the proposed state;
-- edited_content is the text an editor accepted instead of after_content, if any.

CREATE TABLE proposals (
    batch_operation_id      text        NOT NULL REFERENCES batch_operations (id) ON DELETE CASCADE,
    vault_id                text        NOT NULL,
    item_id                 text        NOT NULL,
    status                  text        NOT NULL DEFAULT 'proposed'
                                        CHECK (status IN ('proposed', 'accepted', 'rejected', 'stale')),
    before_content          text        NOT NULL,
    before_quality_tier     text        NOT NULL,
    before_keywords         jsonb       NOT NULL DEFAULT '[]',
    before_confidence_score double precision,
    before_last_updated_at  timestamptz NOT NULL,
    after_content           text        NOT NULL,
    after_quality_tier      text        NOT NULL,
    after_keywords          jsonb       NOT NULL DEFAULT '[]',
    after_confidence_score  double precision,
    edited_content          text,
    created_at              timestamptz NOT NULL,
    decided_at              timestamptz,
    PRIMARY KEY (batch_operation_id, item_id),
    FOREIGN KEY (vault_id, item_id) REFERENCES vault_items (vault_id, id) ON DELETE CASCADE
);
CREATE INDEX proposals_by_item ON proposals (vault_id, item_id);
CREATE INDEX proposals_by_status ON proposals (status, created_at);
