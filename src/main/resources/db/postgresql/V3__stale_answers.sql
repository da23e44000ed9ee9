-- Version 3: an answer for an item that was changed while its call was in flight is not written over the change.
-- The item reads 'failed' (last_error says why) and the answer is kept here, as JSON
-- {"sent": {content, quality_tier, keywords, confidence_score, last_updated_at},
--  "answer": {content, quality_tier, keywords, confidence_score}}, for inspection and a later review.

ALTER TABLE batch_items ADD COLUMN stale_answer jsonb;
