import { randomUUID } from "node:crypto";
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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
  /** this holding of the lock; names the tombstone its takeover leaves (a lock file of older versions has none) */
  id?: string;
}

export interface DataDirLock {
  file: string;
  release(): Promise<void>;
}

const lockName = "catalogue.lock";
const ownerFile = "owner.json";
// a claim or tombstone this old is no longer needed by anyone still deciding on what it replaced
const leftoverAgeMs = 60_000;

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt it.
 *
 * The lock is the directory DATA_DIR/catalogue.lock holding owner.json (pid, host, command), so that a
 * second process fails with a message naming the holder, and a lock whose process died on this host
 * is taken over at once. Both steps are single atomic renames, so exactly one process wins either:
 * - creating: the lock is written under a private name, then renamed to catalogue.lock, which fails
 *   while catalogue.lock exists (a directory is never renamed over a non-empty one); so the lock never
 *   exists without its owner;
 * - taking over: the dead holder's lock is renamed to a tombstone named after that holding
 *   (catalogue.lock.<id>.stale). Once one process has done so the tombstone exists, so the same rename
 *   by another process that read the same dead holder fails instead of moving a newer lock away.
 * Libraries such as proper-lockfile judge staleness by an mtime the holder must keep touching (a
 * long synchronous PGlite query would let the lock go) and take over by rmdir-then-mkdir, the race
 * this replaces (moxystudio/node-proper-lockfile#121).
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const lock = path.join(dataDir, lockName);
  await mkdir(dataDir, { recursive: true });
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.env.npm_lifecycle_event ? `npm run ${process.env.npm_lifecycle_event}` : process.argv.slice(1).join(" "),
    startedAt: new Date().toISOString(),
    id: randomUUID(),
  };
  const claim = path.join(dataDir, `${lockName}.${owner.id}.new`);
  await mkdir(claim);
  try {
    await writeFile(path.join(claim, ownerFile), JSON.stringify(owner), { mode: 0o644 });
    for (let attempt = 0; attempt < 10; attempt++) {
      if (await renameUnlessTaken(claim, lock)) {
        await removeLeftovers(dataDir).catch(() => undefined); // tidying up must not cost us the lock we hold
        return { file: lock, release: () => release(lock, owner.id!) };
      }
      const holder = await readHolder(lock);
      if (holder === "gone") continue;
      if (holder === "unreadable") throw new DataDirLockedError(unreadableMessage(dataDir, lock));
      if (processIsRunning(holder.pid, holder.hostname)) throw new DataDirLockedError(lockedMessage(dataDir, lock, holder));
      // its holder has died: whoever renames it to the tombstone first takes it over; the others see the winner's lock
      await renameUnlessTaken(lock, tombstone(dataDir, holder));
    }
  } finally {
    await rm(claim, { recursive: true, force: true });
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}: ${lock} keeps changing hands. Is another process starting up?`);
}

/** Renames `from` to `to` unless `to` exists (or `from` is gone); true if it did. */
async function renameUnlessTaken(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    // ENOTEMPTY/EEXIST: a directory is there; ENOTDIR/EISDIR: a file is (a lock or tombstone of an older version)
    if (["ENOENT", "ENOTEMPTY", "EEXIST", "ENOTDIR", "EISDIR"].includes((error as NodeJS.ErrnoException).code!)) return false;
    throw error;
  }
}

/** The lock's owner; an older version's lock is a file holding the owner itself. */
async function readHolder(lock: string): Promise<LockOwner | "gone" | "unreadable"> {
  let text: string;
  try {
    text = await readFile((await lstat(lock)).isDirectory() ? path.join(lock, ownerFile) : lock, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return "gone";
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.hostname === "string" ? owner : "unreadable";
  } catch {
    return "unreadable"; // e.g. an older version's lock file caught between its creation and its write
  }
}

function tombstone(dataDir: string, holder: LockOwner): string {
  const id = holder.id ?? `${holder.pid}-${holder.startedAt}`;
  return path.join(dataDir, `${lockName}.${id.replace(/[^\w-]/g, "_")}.stale`);
}

async function release(lock: string, id: string): Promise<void> {
  const holder = await readHolder(lock).catch(() => "gone" as const);
  if (typeof holder !== "object" || holder.id !== id) return; // no longer ours: leave it to its holder
  const released = path.join(path.dirname(lock), `${lockName}.${id}.released`);
  await rename(lock, released);
  await rm(released, { recursive: true, force: true });
}

/** Removes the tombstones of takeovers and the claims of processes that died while locking, once no one can still need them. */
async function removeLeftovers(dataDir: string): Promise<void> {
  const pattern = new RegExp(`^${lockName.replace(".", "\\.")}\\..+\\.(stale|new|released)$`);
  for (const name of (await readdir(dataDir)).filter((entry) => pattern.test(entry))) {
    const entry = path.join(dataDir, name);
    // a rename sets ctime: this is the time it became a tombstone
    const stats = await lstat(entry).catch(() => undefined);
    if (stats && Date.now() - stats.ctimeMs > leftoverAgeMs) await rm(entry, { recursive: true, force: true });
  }
}

function lockedMessage(dataDir: string, lock: string, owner: LockOwner): string {
  return (
    `The embedded databases in ${dataDir} are in use by another process: pid ${owner.pid} on ${owner.hostname} ` +
    `("${owner.command}", since ${owner.startedAt}). The embedded database (PGlite) allows one process at a time. ` +
    `Stop that process first, or let it do the work (a running server starts syncWorkouts and processDetails ` +
    `through its GraphQL mutations), or set WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL (or the DB_* settings) to use PostgreSQL, ` +
    `which any number of processes can share. If no such process is running, delete ${lock}.`
  );
}

function unreadableMessage(dataDir: string, lock: string): string {
  return (
    `The embedded databases in ${dataDir} are locked by ${lock}, which does not say which process holds it ` +
    `(it may be another process starting up). The embedded database (PGlite) allows one process at a time. ` +
    `If no other process is using ${dataDir}, delete ${lock}.`
  );
}
