-- A failed run keeps a short code anyone may read (AUTH_FAILED, PELOTON_UNAVAILABLE...) beside its
-- detail, which only the admin reads.

-- AlterTable
ALTER TABLE "ingest_runs" ADD COLUMN     "error_code" TEXT;

-- Backfill (by hand): runs that failed before codes existed get the generic one.
UPDATE "ingest_runs" SET "error_code" = 'INTERNAL' WHERE "error" IS NOT NULL;
