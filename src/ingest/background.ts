import type { IngestDeps } from "./deps";
import { type ProcessDetailsOptions, processDetails } from "./process-details";
import { runFailure } from "./run-errors";
import { type IngestRun, StageAlreadyRunningError, queueRun } from "./runs";
import { type SyncOptions, syncWorkouts } from "./sync-workouts";

export type StageRequest = { stage: "SYNC_WORKOUTS"; options: SyncOptions } | { stage: "PROCESS_DETAILS"; options: ProcessDetailsOptions };

/** Stages run in the background of a long-lived process (the API server), for its mutations. */
export interface BackgroundRuns {
  /**
   * Queues a run of the stage and starts it without waiting: returns the QUEUED run at once, or the
   * stage's active run (here or in another process) if it already has one.
   */
  start(request: StageRequest): Promise<IngestRun>;
  /** Asks the runs in progress to stop after their current step (they end CANCELLED) and waits for them. */
  stop(): Promise<void>;
}

export function backgroundRuns(deps: Omit<IngestDeps, "signal" | "queuedRun" | "onProgress">): BackgroundRuns {
  const stopping = new AbortController();
  const inProgress = new Set<Promise<unknown>>();
  return {
    async start({ stage, options }) {
      if (stopping.signal.aborted) throw new Error("the server is shutting down");
      let queued: IngestRun;
      try {
        queued = await queueRun(deps, stage, options);
      } catch (error) {
        if (error instanceof StageAlreadyRunningError) return error.run;
        throw error;
      }
      const runDeps = { ...deps, signal: stopping.signal, queuedRun: queued.id };
      const run = stage === "SYNC_WORKOUTS" ? syncWorkouts(runDeps, options) : processDetails(runDeps, options);
      // the stages record their own failures on the run; this is for one that could not even start
      const task = run.catch(async (error: unknown) => {
        deps.logger.error({ err: error, run: queued.id }, "ingestion run could not start");
        await deps.workouts.ingestRun
          .updateMany({
            where: { id: queued.id, status: "QUEUED" },
            data: { status: "FAILED", ...runFailure(error), finishedAt: new Date() },
          })
          .catch(() => undefined);
      });
      inProgress.add(task);
      void task.finally(() => inProgress.delete(task));
      return queued;
    },
    async stop() {
      stopping.abort();
      await Promise.all(inProgress);
    },
  };
}
