-- AlterTable
ALTER TABLE "detailed_workouts" ALTER COLUMN "duration" DROP NOT NULL,
ALTER COLUMN "fitness_discipline" DROP NOT NULL;

