-- A class keeps every browse category that lists it (categories overlap, e.g. bootcamp and bike_bootcamp).
-- For bad-class tolerance: discipline, duration and air time may be missing, and failed details wait for
-- details_retry_at.

-- DropIndex
DROP INDEX "workouts_category_last_seen_at_idx";

-- AlterTable
ALTER TABLE "workouts" ADD COLUMN     "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "details_retry_at" TIMESTAMPTZ(3),
ALTER COLUMN "fitness_discipline" DROP NOT NULL,
ALTER COLUMN "duration" DROP NOT NULL,
ALTER COLUMN "original_air_time" DROP NOT NULL;

-- Backfill (by hand): the category each class was last listed under. The next walk of each other category
-- that lists it adds that one.
UPDATE "workouts" SET "categories" = ARRAY["category"];

-- CreateIndex
CREATE INDEX "workouts_categories_idx" ON "workouts" USING GIN ("categories");
