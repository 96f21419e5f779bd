/*
  Warnings:

  - You are about to drop the column `newest_air_time_seen` on the `sync_checkpoints` table. All the data in the column will be lost.
  - Added the required column `category` to the `workouts` table without a default value. This is not possible if the table is not empty.

*/
-- CreateEnum
CREATE TYPE "IngestStage" AS ENUM ('SYNC_WORKOUTS', 'PROCESS_DETAILS');

-- CreateEnum
CREATE TYPE "IngestStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "sync_checkpoints" DROP COLUMN "newest_air_time_seen",
ADD COLUMN     "walk_complete" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "workouts" ADD COLUMN     "category" TEXT;
-- classes listed before this migration: their discipline is the category they were listed under
UPDATE "workouts" SET "category" = "fitness_discipline";
ALTER TABLE "workouts" ALTER COLUMN "category" SET NOT NULL;

-- CreateTable
CREATE TABLE "ingest_runs" (
    "id" SERIAL NOT NULL,
    "stage" "IngestStage" NOT NULL,
    "status" "IngestStatus" NOT NULL DEFAULT 'QUEUED',
    "options" JSONB NOT NULL DEFAULT '{}',
    "owner" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "seen" INTEGER NOT NULL DEFAULT 0,
    "new" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "error" TEXT,

    CONSTRAINT "ingest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ingest_runs_created_at_idx" ON "ingest_runs"("created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ingest_runs_one_active_per_stage" ON "ingest_runs"("stage") WHERE (status = ANY (ARRAY['QUEUED'::"IngestStatus", 'RUNNING'::"IngestStatus"]));

-- CreateIndex
CREATE INDEX "workouts_category_last_seen_at_idx" ON "workouts"("category", "last_seen_at");
