-- Harvest runs: one running run per source, crash recovery, partial runs, source health, and
-- raw records waiting for consolidation.

-- A run cut short (a page failed, a bound was reached) is 'partial': it stored what it found
-- but marked nothing gone.
ALTER TABLE harvest_run DROP CONSTRAINT harvest_run_status_check;
ALTER TABLE harvest_run ADD CONSTRAINT harvest_run_status_check
  CHECK (status IN ('running', 'succeeded', 'partial', 'failed'));

-- Who runs it (host and process id) and when it last showed signs of life: a run whose owner
-- died (kill -9, crash, lost machine) is marked failed by the next run of its source.
ALTER TABLE harvest_run ADD COLUMN owner text;
ALTER TABLE harvest_run ADD COLUMN heartbeat_at timestamptz;

-- The lock: at most one running run per source, across every process sharing the database.
CREATE UNIQUE INDEX harvest_run_one_running_idx ON harvest_run (source_id) WHERE status = 'running';

-- Source health, from comparing each run with the previous ones.
ALTER TABLE source ADD COLUMN health text NOT NULL DEFAULT 'unknown'
  CHECK (health IN ('unknown', 'ok', 'attention'));
ALTER TABLE source ADD COLUMN health_reason text;
ALTER TABLE source ADD COLUMN health_checked_at timestamptz;

-- Set in the same transaction as a new or changed record, cleared by consolidation: a crash
-- between the two loses nothing, the next consolidation picks the record up.
ALTER TABLE raw_record ADD COLUMN consolidate_pending boolean NOT NULL DEFAULT false;
CREATE INDEX raw_record_consolidate_pending_idx ON raw_record (source_id) WHERE consolidate_pending;
