-- CreateTable
CREATE TABLE "workouts" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructor_id" TEXT,
    "instructor_name" TEXT,
    "fitness_discipline" TEXT NOT NULL,
    "duration" INTEGER NOT NULL,
    "length" INTEGER,
    "difficulty" DOUBLE PRECISION,
    "original_air_time" TIMESTAMPTZ(3) NOT NULL,
    "is_explicit" BOOLEAN NOT NULL DEFAULT false,
    "available" BOOLEAN NOT NULL DEFAULT true,
    "list_entry" JSONB NOT NULL,
    "processed" BOOLEAN NOT NULL DEFAULT false,
    "processed_at" TIMESTAMPTZ(3),
    "details_attempts" INTEGER NOT NULL DEFAULT 0,
    "details_error" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_checkpoints" (
    "category" TEXT NOT NULL,
    "oldest_air_time_reached" TIMESTAMPTZ(3),
    "newest_air_time_seen" TIMESTAMPTZ(3),
    "full_pass_completed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_checkpoints_pkey" PRIMARY KEY ("category")
);

-- CreateIndex
CREATE INDEX "workouts_processed_original_air_time_idx" ON "workouts"("processed", "original_air_time");

-- CreateIndex
CREATE INDEX "workouts_fitness_discipline_original_air_time_idx" ON "workouts"("fitness_discipline", "original_air_time" DESC);
