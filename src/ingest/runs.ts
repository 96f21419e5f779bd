import os from "node:os";
import type { WorkoutsClient } from "../db";
import { type IngestRun, type IngestStage, Prisma } from "../db/generated/workouts/client";
import type { Logger } from "../log";
import { processIsRunning } from "../process-alive";
import type { IngestDeps } from "./deps";
import { runFailure } from "./run-errors";

export type { IngestRun, IngestStage };
export type RunCounts = Pick<IngestRun, "seen" | "new" | "processed" | "failed" | "total">;

/** SYNC_WORKOUTS → syncWorkouts: the stage's mutation, and how messages name it. */
export const stageField = (stage: IngestStage) => stage.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The stage already has an active run (here or in another process): `run` is that run. */
export class StageAlreadyRunningError extends Error {
  override name = "StageAlreadyRunningError";
  constructor(readonly run: IngestRun) {
    super(
      `${stageField(run.stage)} is already running: run #${run.id}` +
        `${run.owner ? ` (${run.owner})` : ""}, started ${(run.startedAt ?? run.createdAt).toISOString()}. ` +
        `Wait for it to finish, or stop that process; the next run resumes where it left off.`,
    );
  }
}

export interface RunTiming {
  /** how often a running run records that it is alive */
  heartbeatMs?: number;
  /** a run silent for this long is taken to be dead and is taken over */
  staleAfterMs?: number;
}

export interface RunHandle {
  readonly id: number;
  /** records progress (absolute counts) and that the run is alive */
  update(counts: Partial<RunCounts>): Promise<void>;
  /** ends the run; a FAILED one records the error's code and detail (see run-errors.ts) */
  finish(status: "SUCCEEDED" | "FAILED" | "CANCELLED", error?: unknown): Promise<IngestRun>;
}

const ACTIVE = ["QUEUED", "RUNNING"] as const;
const owner = () => `pid ${process.pid} on ${os.hostname()}`;

type RunDeps = Pick<IngestDeps, "workouts" | "logger" | "runTiming" | "queuedRun">;

/** The stage's active run (QUEUED or RUNNING, here or in another process), once runs left by dead processes are marked FAILED. */
export async function activeRun({ workouts, logger, runTiming }: Omit<RunDeps, "queuedRun">, stage: IngestStage): Promise<IngestRun | null> {
  await failAbandonedRuns(workouts, stage, runTiming?.staleAfterMs ?? 120_000, logger);
  return workouts.ingestRun.findFirst({ where: { stage, status: { in: [...ACTIVE] } } });
}

/**
 * Records a QUEUED run of a stage for a caller that then carries it out in the background (the API's
 * mutations), or refuses with StageAlreadyRunningError, as claimRun does.
 */
export async function queueRun({ workouts, logger, runTiming }: Omit<RunDeps, "queuedRun">, stage: IngestStage, options: object): Promise<IngestRun> {
  await failAbandonedRuns(workouts, stage, runTiming?.staleAfterMs ?? 120_000, logger);
  return insertRun(workouts, stage, options, "QUEUED");
}

/**
 * Starts a run of a stage, or refuses with StageAlreadyRunningError. The database decides (a partial
 * unique index allows one active run per stage), so two processes can never run a stage at once.
 * A run left active by a process that died (no heartbeat lately, or its pid gone on this host) is
 * marked FAILED first. With `deps.queuedRun`, starts that QUEUED run instead.
 */
export async function claimRun(deps: RunDeps, stage: IngestStage, options: object): Promise<RunHandle> {
  const { workouts, logger, queuedRun } = deps;
  const { heartbeatMs = 15_000, staleAfterMs = 120_000 } = deps.runTiming ?? {};
  let id: number;
  if (queuedRun === undefined) {
    await failAbandonedRuns(workouts, stage, staleAfterMs, logger);
    id = (await insertRun(workouts, stage, options, "RUNNING")).id;
  } else {
    const now = new Date();
    const { count } = await workouts.ingestRun.updateMany({
      where: { id: queuedRun, stage, status: "QUEUED" },
      data: { status: "RUNNING", owner: owner(), startedAt: now, heartbeatAt: now },
    });
    if (!count) throw new Error(`run #${queuedRun} is not a queued ${stage} run any more`);
    id = queuedRun;
  }
  // between updates, a timer keeps the heartbeat going (for stages waiting on long retries)
  const heartbeat = setInterval(() => {
    workouts.ingestRun.update({ where: { id }, data: { heartbeatAt: new Date() } }).catch(() => undefined);
  }, heartbeatMs);
  heartbeat.unref();
  return {
    id,
    async update(counts) {
      await workouts.ingestRun.update({ where: { id }, data: { ...counts, heartbeatAt: new Date() } });
    },
    async finish(status, error) {
      clearInterval(heartbeat);
      const failure = error === undefined ? { errorCode: null, error: null } : runFailure(error);
      return workouts.ingestRun.update({ where: { id }, data: { status, ...failure, finishedAt: new Date(), heartbeatAt: new Date() } });
    },
  };
}

async function insertRun(workouts: WorkoutsClient, stage: IngestStage, options: object, status: "QUEUED" | "RUNNING"): Promise<IngestRun> {
  try {
    const now = new Date();
    return await workouts.ingestRun.create({
      data: { stage, status, options: options as Prisma.InputJsonObject, owner: owner(), startedAt: status === "RUNNING" ? now : null, heartbeatAt: now },
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const active = await workouts.ingestRun.findFirst({ where: { stage, status: { in: [...ACTIVE] } } });
    if (!active) throw error;
    throw new StageAlreadyRunningError(active);
  }
}

async function failAbandonedRuns(workouts: WorkoutsClient, stage: IngestStage, staleAfterMs: number, logger?: Logger) {
  const active = await workouts.ingestRun.findMany({ where: { stage, status: { in: [...ACTIVE] } } });
  const now = Date.now();
  for (const run of active) {
    const silentFor = now - (run.heartbeatAt ?? run.createdAt).getTime();
    const deadHere = ownerIsGone(run.owner);
    if (silentFor < staleAfterMs && !deadHere) continue;
    const reason = deadHere
      ? `abandoned: its process (${run.owner}) is gone`
      : `abandoned: no heartbeat for ${Math.round(silentFor / 1000)} s (${run.owner ?? "unknown process"})`;
    // only if still active: two processes taking over the same run must not both write
    const { count } = await workouts.ingestRun.updateMany({
      where: { id: run.id, status: { in: [...ACTIVE] } },
      data: { status: "FAILED", errorCode: "ABANDONED", error: reason, finishedAt: new Date() },
    });
    if (count) logger?.warn({ run: run.id, reason }, "took over an abandoned run");
  }
}

function ownerIsGone(runOwner: string | null): boolean {
  const match = /^pid (\d+) on (.+)$/.exec(runOwner ?? "");
  return match !== null && Number(match[1]) !== process.pid && !processIsRunning(Number(match[1]), match[2]!);
}

/**
 * Runs a stage's work under its run: SUCCEEDED when the work ends, CANCELLED when the signal stopped it,
 * FAILED with the error otherwise. Returns the finished run; never throws for the work's failure.
 */
export async function executeRun(deps: Pick<IngestDeps, "logger" | "signal">, run: RunHandle, work: () => Promise<void>): Promise<IngestRun> {
  try {
    await work();
    return await run.finish(deps.signal?.aborted ? "CANCELLED" : "SUCCEEDED");
  } catch (error) {
    if (deps.signal?.aborted) return run.finish("CANCELLED");
    deps.logger.error({ err: error, run: run.id }, "ingestion run failed");
    return run.finish("FAILED", error);
  }
}
