-- Version 2: an answer identical to the item is its own outcome, 'unchanged' (nothing written, no version).

ALTER TABLE batch_operations ADD COLUMN unchanged_items integer NOT NULL DEFAULT 0;

ALTER TABLE batch_items DROP CONSTRAINT batch_items_status_check;
ALTER TABLE batch_items ADD CONSTRAINT batch_items_status_check
    CHECK (status IN ('pending', 'succeeded', 'unchanged', 'failed', 'skipped'));
