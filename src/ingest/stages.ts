import { processDetailsStage } from "./process-details";
import type { AnyStage } from "./stage";
import { syncWorkoutsStage } from "./sync-workouts";

/** Every ingestion stage, in the order a catalogue is built. A new one is added here (and to the IngestStage enum, by a migration). */
export const stages: readonly AnyStage[] = [syncWorkoutsStage, processDetailsStage];
