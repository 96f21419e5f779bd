import { accessSync, constants, type Dirent, readdirSync, statfsSync, statSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { databaseNames } from "../db";
import { errorChain } from "../db/errors";

// What a user can fix about a place the configuration names: it is read-only, full, or not a directory.
const reasons: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ENOTDIR: "not a directory",
  EISDIR: "it is a directory",
};
// PGlite's file system reports WASI error numbers, without a path
const wasiCodes: Record<number, string> = { 2: "EACCES", 19: "EDQUOT", 31: "EISDIR", 51: "ENOSPC", 54: "ENOTDIR", 63: "EPERM", 69: "EROFS" };
const readingCalls = new Set(["scandir", "opendir", "stat", "lstat", "access", "read", "readlink"]);
const creatingCalls = new Set(["mkdir", "open", "rename", "link", "symlink", "copyfile", "mkdtemp"]);

interface FileError {
  code: string;
  path?: string;
  syscall?: string;
  /** from PGlite's own file system */
  pglite?: boolean;
}

/**
 * One line for a file-system failure in DATA_DIR, BACKUP_DIR or LOG_FILE that the user can fix
 * (read-only, full, a file in the way), naming the variable: "DATA_DIR: cannot write to /x (read-only
 * file system)"; undefined for anything else. It looks through an error's causes, and for the
 * embedded databases, whose failures name no file, it looks for the directory PGlite could not write.
 */
export function fileProblem(error: unknown, config: Config): string | undefined {
  try {
    return describeFailure(error, config);
  } catch {
    return undefined; // looking for the cause failed too: the caller shows the error itself
  }
}

function describeFailure(error: unknown, config: Config): string | undefined {
  const places = [
    ["LOG_FILE", config.logFile],
    ["BACKUP_DIR", config.backupDir],
    ["DATA_DIR", config.dataDir],
  ].filter((place): place is [string, string] => place[1] !== undefined);
  for (const failure of errorChain(error)) {
    const fileError = asFileError(failure);
    if (!fileError) continue;
    if (fileError.path === undefined && fileError.pglite) {
      // PGlite runs only on DATA_DIR (the demo's too)
      const unwritable = firstUnwritable(config.dataDir) ?? { path: config.dataDir, code: fileError.code };
      return describe("DATA_DIR", unwritable.path, unwritable.code, "write");
    }
    if (fileError.path === undefined) {
      // a write to a file already open names no path: a full disk is the place with the least room left
      if (fileError.code !== "ENOSPC" && fileError.code !== "EDQUOT") continue;
      const fullest = places.map(([variable, root]) => ({ variable, root, free: freeBytes(root) })).sort((a, b) => a.free - b.free)[0]!;
      return describe(fullest.variable, fullest.root, fileError.code, "write");
    }
    const target = path.resolve(fileError.path);
    const place = places.filter(([, root]) => target === root || target.startsWith(root + path.sep)).sort((a, b) => b[1].length - a[1].length)[0];
    if (!place) continue;
    if (fileError.code === "ENOENT") {
      const parent = nearestExisting(target);
      const refusal = writeRefusal(parent);
      if (!refusal) continue;
      return describe(place[0], parent, refusal, "write");
    }
    // a new entry that could not be made: the directory it was to go in is what to fix
    const creating = creatingCalls.has(fileError.syscall ?? "") && fileError.code !== "ENOTDIR" && !exists(target);
    return describe(place[0], creating ? nearestExisting(target) : target, fileError.code, readingCalls.has(fileError.syscall ?? "") ? "read" : "write");
  }
  if ([...errorChain(error)].some((failure) => /PGlite failed to initialize/.test((failure as Error)?.message))) {
    const unwritable = firstUnwritable(config.dataDir);
    if (unwritable) return describe("DATA_DIR", unwritable.path, unwritable.code, "write");
  }
  return undefined;
}

function describe(variable: string, target: string, code: string, access: "read" | "write"): string {
  const notADirectory = code === "ENOTDIR" ? firstNonDirectory(target) : undefined;
  const reason = notADirectory === target ? "it is not a directory" : notADirectory ? `${notADirectory} is not a directory` : (reasons[code] ?? code);
  return `${variable}: cannot ${access === "read" ? "read" : "write to"} ${target} (${reason})`;
}

function asFileError(error: unknown): FileError | undefined {
  const { code, errno, name, path: file, syscall } = (error ?? {}) as { code?: unknown; errno?: unknown; name?: unknown; path?: unknown; syscall?: unknown };
  // a recursive mkdir reports a parent it could not make (on a read-only file system) as ENOENT
  if (code === "ENOENT" && syscall === "mkdir" && typeof file === "string") return { code, path: file, syscall };
  if (typeof code === "string" && code in reasons) return { code, path: typeof file === "string" ? file : undefined, syscall: syscall as string };
  if (name === "ErrnoError" && typeof errno === "number" && wasiCodes[errno]) return { code: wasiCodes[errno]!, pglite: true };
  return undefined;
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function nearestExisting(file: string): string {
  while (!exists(file) && file !== path.dirname(file)) file = path.dirname(file);
  return file;
}

/** Why this process may not write in `dir`, if it may not. */
function writeRefusal(dir: string): string | undefined {
  try {
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? "EACCES";
  }
}

/** Bytes free for this process on the file system holding `file` (or its nearest existing parent). */
function freeBytes(file: string): number {
  for (let dir = file; ; dir = path.dirname(dir)) {
    try {
      const { bavail, bsize } = statfsSync(dir);
      return bavail * bsize;
    } catch {
      if (dir === path.dirname(dir)) return Infinity;
    }
  }
}

/** The first part of `target`'s path that exists but is not a directory. */
function firstNonDirectory(target: string): string | undefined {
  const parts = path.resolve(target).split(path.sep);
  for (let i = 2; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join(path.sep);
    const stats = statSync(prefix, { throwIfNoEntry: false });
    if (!stats) return undefined;
    if (!stats.isDirectory()) return prefix;
  }
  return undefined;
}

/** The first directory at or under `dir` that is not a directory, or that this process may not write. */
function firstUnwritable(dir: string): { path: string; code: string } | undefined {
  const stats = statSync(dir, { throwIfNoEntry: false });
  if (!stats) return undefined;
  if (!stats.isDirectory()) return { path: dir, code: "ENOTDIR" };
  const refusal = writeRefusal(dir);
  if (refusal) return { path: dir, code: refusal };
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return { path: dir, code: (error as NodeJS.ErrnoException).code ?? "EACCES" };
  }
  for (const entry of entries) {
    // a database's directory (DATA_DIR/workouts, DATA_DIR/demo/detailed...) may be a file in the way
    if (!entry.isDirectory() && !(databaseNames as readonly string[]).includes(entry.name)) continue;
    const found = firstUnwritable(path.join(dir, entry.name));
    if (found) return found;
  }
  return undefined;
}
