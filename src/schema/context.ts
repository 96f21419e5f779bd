import type { DetailedClient, WorkoutsClient } from "../db";

/** What every resolver sees: the two databases' clients. */
export interface Context {
  detailed: DetailedClient;
  workouts: WorkoutsClient;
}
