-- Issue 22: the point totals are folded from the ledger by the scheduler (src/db/queries/reward-fold.queries.ts).
-- Until now every action wrote its totals in its own batch, so the totals already hold every ledger row:
-- the fold's watermark starts past them.
INSERT INTO job_watermarks (name, last_id) VALUES ('point_totals', (SELECT coalesce(max(id), 0) FROM point_ledger))
  ON CONFLICT(name) DO UPDATE SET last_id = max(last_id, excluded.last_id);
