// The two servers the query benchmark loads, each in its own process: the real API (npm start) and
// the raw-SQL baseline. One process each, so that /proc/<pid>/status is the server's own memory.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseConfig } from "../src/config";

const projectRoot = path.resolve(__dirname, "..");

export interface MemoryUse {
  /** resident set size now */
  rssMiB: number;
  /** the largest it has been */
  peakRssMiB: number;
}

export interface ServerProcess {
  /** e.g. http://127.0.0.1:40123 (no path) */
  origin: string;
  pid: number;
  memory(): MemoryUse | null;
  /** CPU time the process has used so far, user + system, in ms (Linux); null elsewhere */
  cpuMs(): number | null;
  /** SIGTERM, then SIGKILL if it has not exited within 30 s */
  stop(): Promise<void>;
}

/** The server's memory from /proc (Linux); null elsewhere. */
function memoryOf(pid: number): MemoryUse | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
    return { rssMiB: Math.round(kib("VmRSS") / 1024), peakRssMiB: Math.round(kib("VmHWM") / 1024) };
  } catch {
    return null;
  }
}

// clock ticks per second for /proc/<pid>/stat: USER_HZ, 100 on every Linux architecture Node runs on
const USER_HZ = 100;

function cpuMsOf(pid: number): number | null {
  try {
    // the fields after the parenthesised command name; utime and stime are the 14th and 15th of the line
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

function databaseEnv(database: DatabaseConfig): NodeJS.ProcessEnv {
  // empty means unset to the app (and keeps a .env from pointing it elsewhere)
  return database.kind === "postgres"
    ? { WORKOUTS_DATABASE_URL: database.workoutsUrl, DETAILED_DATABASE_URL: database.detailedUrl }
    : { DATA_DIR: database.dataDir, WORKOUTS_DATABASE_URL: "", DETAILED_DATABASE_URL: "" };
}

/**
 * Starts a TypeScript entry point in its own Node process (`node --import tsx`: unlike the tsx CLI,
 * no wrapper process, so the pid is the server's) and waits for it to print its URL.
 */
async function startServer(label: string, script: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, script)], {
    cwd: projectRoot,
    env: { ...process.env, PORT: "0", NODE_ENV: "production", LOG_LEVEL: "warn", ADMIN_TOKEN: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${label} printed no URL within 180 s`)), 180_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${stderr}`));
    };
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /(http:\/\/[^\s/]+)/.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url.replace("//localhost:", "//127.0.0.1:"));
      }
    });
    child.once("exit", (code, signal) => fail(new Error(`${label} exited (${signal ?? `code ${code}`}) before it listened`)));
  });
  child.removeAllListeners("exit");
  return { origin, pid: child.pid!, memory: () => memoryOf(child.pid!), cpuMs: () => cpuMsOf(child.pid!), stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}

/** `npm start` (src/cli/start.ts) in production mode over the given databases. */
export const startApiServer = (database: DatabaseConfig) => startServer("The API server", "src/cli/start.ts", databaseEnv(database));

/** The raw-SQL baseline (bench/raw-server.ts) over the same detailed database. */
export const startRawServer = (database: DatabaseConfig) => startServer("The raw-SQL server", "bench/raw-server.ts", databaseEnv(database));
