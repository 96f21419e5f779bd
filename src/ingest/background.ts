import type { IngestDeps } from "./deps";
import { runFailure } from "./run-errors";
import { activeRun, type IngestRun, queueRun, StageAlreadyRunningError } from "./runs";
import { type AnyStage, readOptions, runStage } from "./stage";

/** Stages run in the background of a long-lived process (the API server), for its mutations. */
export interface BackgroundRuns {
  /**
   * Checks the options, queues a run of the stage and starts it without waiting: returns the QUEUED
   * run at once. Throws StageOptionsError for options it cannot take, PelotonAuthError without a
   * session, and StageAlreadyRunningError when the stage has an active run (here or in another
   * process) with other options; one with the same options is returned, as a retried request expects.
   * `onRunChange` is told of each write of the run's row, for those following it live.
   */
  start(stage: AnyStage, input: unknown, onRunChange?: IngestDeps["onRunChange"]): Promise<IngestRun>;
  /** Asks the runs in progress to stop after their current step (they end CANCELLED) and waits for them. */
  stop(): Promise<void>;
}

export function backgroundRuns(deps: Omit<IngestDeps, "signal" | "queuedRun" | "onProgress">): BackgroundRuns {
  const stopping = new AbortController();
  const inProgress = new Set<Promise<unknown>>();
  return {
    async start(stage, input, onRunChange) {
      if (stopping.signal.aborted) throw new ServerStoppingError();
      const options = readOptions(stage, input);
      // a retried request finds its run before Peloton is asked anything
      const active = await activeRun(deps, stage.name);
      if (active) {
        if (sameOptions(active.options, options)) return active;
        throw new StageAlreadyRunningError(active);
      }
      const checked = { options, checked: await stage.check(deps, options) };
      let queued: IngestRun;
      try {
        queued = await queueRun(deps, stage.name, checked.options);
      } catch (error) {
        if (error instanceof StageAlreadyRunningError && sameOptions(error.run.options, checked.options)) return error.run;
        throw error;
      }
      // the stage records its own failures on the run; this is for one that could not even start
      const task = runStage(stage, { ...deps, signal: stopping.signal, queuedRun: queued.id, onRunChange }, undefined, checked).catch(
        async (error: unknown) => {
          deps.logger.error({ err: error, run: queued.id }, "ingestion run could not start");
          await deps.workouts.ingestRun
            .updateMany({
              where: { id: queued.id, status: "QUEUED" },
              data: { status: "FAILED", ...runFailure(error), finishedAt: new Date() },
            })
            .catch(() => undefined);
          onRunChange?.(queued.id);
        },
      );
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

/** The server is shutting down: it starts no run. */
export class ServerStoppingError extends Error {
  override name = "ServerStoppingError";
  constructor() {
    super("The server is shutting down: it starts no run. Ask again once it is back.");
  }
}

/** Whether a run's recorded options are these (as JSON keeps them: no undefined keys). */
const sameOptions = (recorded: unknown, options: object) => canonical(recorded) === canonical(JSON.parse(JSON.stringify(options)));

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
