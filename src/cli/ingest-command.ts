import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import { createPelotonAuth, fileSessionStore } from "../auth";
import type { Config } from "../config";
import { openDatabases } from "../db";
import type { IngestDeps } from "../ingest/deps";
import type { IngestRun } from "../ingest/runs";
import { type AnyStage, runStage } from "../ingest/stage";
import type { Logger } from "../log";
import { createPelotonClient, keptResponsesDir, type PelotonClient } from "../peloton/client";
import { createProgressDisplay } from "./progress";
import { onStopSignals, signalExitCode } from "./stop-signals";

/**
 * Runs an ingestion stage from the command line: databases and Peloton client from the configuration,
 * progress on stderr, Ctrl-C to stop after the current step, the summary on stdout. The exit code is
 * 0 only for a run that SUCCEEDED; 1 if it FAILED; 130 or 143 if a signal cancelled it.
 */
export async function runIngestCommand(config: Config, logger: Logger, stage: AnyStage, input: unknown): Promise<void> {
  const progress = createProgressDisplay({ name: stage.command, unit: stage.step.many, counts: stage.counts });
  const stop = onStopSignals((signal) => {
    const again = signal === "SIGINT" ? "press Ctrl-C" : `send ${signal}`;
    progress.note(`${stage.command}: stopping after the current ${stage.step.one} (${again} again to stop at once)`);
  });
  let run: IngestRun;
  try {
    run = await withIngestDeps(config, logger, (deps) => runStage(stage, { ...deps, signal: stop.signal, onProgress: progress.update }, input));
  } finally {
    progress.stop();
    stop.dispose();
  }
  process.stdout.write(`${stage.summary(run)}\n`);
  const signal = stop.received();
  process.exitCode = run.status === "SUCCEEDED" ? 0 : run.status === "CANCELLED" && signal ? signalExitCode(signal) : 1;
}

/** Opens the databases and the Peloton client for a stage, and closes the databases (and the embedded lock) after it. */
async function withIngestDeps<T>(config: Config, logger: Logger, work: (deps: IngestDeps) => Promise<T>): Promise<T> {
  // the session and Peloton's unreadable answers are kept in DATA_DIR, also on PostgreSQL: one that cannot
  // be written stops the command here, in one line naming it (runCli), rather than failing the run
  await mkdir(config.dataDir, { recursive: true });
  await access(config.dataDir, constants.W_OK);
  const databases = await openDatabases(config.database, { logger });
  try {
    return await work({ workouts: databases.workouts, detailed: databases.detailed, peloton: pelotonClient(config, logger), logger, dataDir: config.dataDir });
  } finally {
    await databases.close();
  }
}

/** The Peloton client the configuration describes, with its session kept in DATA_DIR. */
export function pelotonClient(config: Config, logger: Logger): PelotonClient {
  const auth = createPelotonAuth(config.peloton, fileSessionStore(config.dataDir), logger);
  // no signal for the client: an interrupted run finishes the request in flight
  return createPelotonClient({ config: config.peloton, auth, logger, responsesDir: keptResponsesDir(config.dataDir) });
}
