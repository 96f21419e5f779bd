import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { processIsRunning } from "../process-alive";

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

interface LockOwner {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

export interface DataDirLock {
  file: string;
  release(): Promise<void>;
}

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt it.
 * This lock file records the owner (pid, host, command) so that a second process fails with a
 * message naming the holder, and a lock left by a process that died is detected as stale.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, "catalogue.lock");
  await mkdir(dataDir, { recursive: true });
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.env.npm_lifecycle_event ? `npm run ${process.env.npm_lifecycle_event}` : process.argv.slice(1).join(" "),
    startedAt: new Date().toISOString(),
  };
  const content = JSON.stringify(owner);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, content, { flag: "wx", mode: 0o644 });
      return {
        file,
        async release() {
          // only remove the lock if it is still ours
          if ((await readFile(file, "utf8").catch(() => "")) === content) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await readOwner(file);
    if (holder && processIsRunning(holder.pid, holder.hostname)) throw new DataDirLockedError(lockedMessage(dataDir, file, holder));
    await rm(file, { force: true }); // stale: its owner is gone
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}: ${file} keeps reappearing. Is another process starting up?`);
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as LockOwner;
  } catch {
    return null; // unreadable, half-written or already gone: treat as stale
  }
}

function lockedMessage(dataDir: string, file: string, owner: LockOwner): string {
  return (
    `The embedded databases in ${dataDir} are in use by another process: pid ${owner.pid} on ${owner.hostname} ` +
    `("${owner.command}", since ${owner.startedAt}). The embedded database (PGlite) allows one process at a time. ` +
    `Stop that process first, or let it do the work (a running server starts syncWorkouts and processDetails ` +
    `through its GraphQL mutations), or set WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL to use PostgreSQL, ` +
    `which any number of processes can share. If no such process is running, delete ${file}.`
  );
}
