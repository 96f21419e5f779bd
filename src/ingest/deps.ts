import type { DetailedClient, WorkoutsClient } from "../db";
import type { Logger } from "../log";
import type { PelotonClient } from "../peloton/client";
import type { IngestStage, RunTiming } from "./runs";

export interface Progress {
  stage: IngestStage;
  runId: number;
  /** pages (sync) or classes (details) done, of total when known */
  done: number;
  total: number | null;
  /** what the run counts so far */
  seen: number;
  new: number;
  processed: number;
  failed: number;
  /** e.g. the category being synced */
  label?: string;
}

/** What the stages work with, passed in by their caller (the CLI, the GraphQL mutations, the tests). */
export interface IngestDeps {
  workouts: WorkoutsClient;
  detailed: DetailedClient;
  peloton: PelotonClient;
  logger: Logger;
  /** aborting finishes the current page or class, then ends the run as CANCELLED */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** called after each write of the run's row (started, progress, ended), for those following it live */
  onRunChange?: (runId: number) => void;
  runTiming?: RunTiming;
  /** where a stage may keep files (sync's saved pages): DATA_DIR */
  dataDir?: string;
  /** carry out this QUEUED run (made by queueRun) rather than starting a new one */
  queuedRun?: number;
}
