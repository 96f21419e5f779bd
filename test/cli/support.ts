import type { Databases } from "../../src/db";

/** The workouts rows that matter, in a stable order, for comparing two databases. */
export const workoutRows = (databases: Databases) =>
  databases.workouts.workout.findMany({
    orderBy: { id: "asc" },
    select: { id: true, title: true, category: true, available: true, processed: true },
  });

export const ingestRuns = (databases: Databases) => databases.workouts.ingestRun.findMany({ orderBy: { id: "asc" } });
