import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { type DatabaseName, databaseNames } from "../db";

/** A backup or restore that cannot be done, for a reason the message gives: printed without a stack trace. */
export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupFile {
  database: DatabaseName;
  path: string;
  bytes: number;
  /** from the dump's header: "15.20 (Debian 15.20-0+deb12u1)" */
  pgDumpVersion?: string;
}

/** Both databases' dumps, taken together, named by the time they were taken. */
export interface Backup {
  /** ISO 8601 basic format, UTC: 20261124T054019Z */
  timestamp: string;
  takenAt: Date;
  files: Partial<Record<DatabaseName, BackupFile>>;
  /** the databases whose dump is missing: such a backup cannot be restored */
  missing: DatabaseName[];
  /** the manifest with the dumps' checksums; a backup without one is not restored */
  manifest?: string;
  bytes: number;
}

export interface BackupListing {
  /** newest first */
  backups: Backup[];
  /** temporary files of a backup being written, or of one that was killed */
  unfinished: string[];
}

const fileNamePattern = /^peloton_(workouts|detailed)_(\d{8}T\d{6}Z)\.sql$/;
export const partialSuffix = ".partial";

/** 2026-11-24T05:40:19.123Z → 20261124T054019Z: no characters a filesystem refuses, and names sort by time. */
export const backupTimestamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

export const isBackupTimestamp = (text: string) => /^\d{8}T\d{6}Z$/.test(text) && !Number.isNaN(timestampDate(text).getTime());

const timestampDate = (timestamp: string) => new Date(timestamp.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));

export const backupFileName = (database: DatabaseName, timestamp: string) => `peloton_${database}_${timestamp}.sql`;

/** the backup's manifest: its dumps' SHA-256 checksums (see manifest.ts) */
export const manifestFileName = (timestamp: string) => `peloton_${timestamp}.sha256`;

/** The backups in `dir`, newest first; none when it does not exist yet. */
export async function listBackups(dir: string): Promise<BackupListing> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const timestamps = new Set(names.flatMap((name) => fileNamePattern.exec(name)?.[2] ?? []));
  const backups = await Promise.all([...timestamps].map((timestamp) => readBackup(dir, timestamp)));
  const unfinished = names.filter((name) => name.endsWith(partialSuffix) && fileNamePattern.test(name.slice(0, -partialSuffix.length)));
  return { backups: backups.sort((a, b) => b.timestamp.localeCompare(a.timestamp)), unfinished: unfinished.sort() };
}

/** The backup taken at `timestamp`, complete; a BackupError saying what is wrong otherwise. */
export async function findBackup(dir: string, timestamp: string): Promise<Backup> {
  const backup = await readBackup(dir, timestamp);
  if (backup.missing.length === databaseNames.length) {
    throw new BackupError(`There is no backup ${timestamp} in ${dir}. \`npm run backups\` lists the backups there.`);
  }
  if (backup.missing.length > 0) {
    const missing = backup.missing.map((database) => backupFileName(database, timestamp)).join(" and ");
    throw new BackupError(`The backup ${timestamp} in ${dir} is incomplete: ${missing} is missing, so it cannot be restored.`);
  }
  return backup;
}

async function readBackup(dir: string, timestamp: string): Promise<Backup> {
  const files: Backup["files"] = {};
  for (const database of databaseNames) {
    const file = path.join(dir, backupFileName(database, timestamp));
    const size = await stat(file).catch(() => null);
    if (size?.isFile()) files[database] = { database, path: file, bytes: size.size, pgDumpVersion: await pgDumpVersion(file) };
  }
  const manifest = path.join(dir, manifestFileName(timestamp));
  return {
    timestamp,
    takenAt: timestampDate(timestamp),
    files,
    missing: databaseNames.filter((database) => !files[database]),
    ...((await stat(manifest).catch(() => null))?.isFile() ? { manifest } : {}),
    bytes: Object.values(files).reduce((sum, file) => sum + file.bytes, 0),
  };
}

async function pgDumpVersion(file: string): Promise<string | undefined> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(1024), position: 0 });
    return /^-- Dumped by pg_dump version (.+)$/m.exec(buffer.toString("utf8", 0, bytesRead))?.[1];
  } finally {
    await handle.close();
  }
}
