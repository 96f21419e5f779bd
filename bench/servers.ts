// The three servers the query benchmark loads, each in its own process: the real API (npm start),
// the raw-SQL baseline and PostGraphile (the peer). One process each, so that /proc/<pid>/status is
// the server's own memory. Each names its connections (PGAPPNAME, which node-postgres reads), so that
// the benchmark can tell in pg_stat_activity whether a side's queries are still running.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { startApi } from "../harness/api";
import { databaseEnv } from "../harness/databases";
import { type MemoryUse, memoryOf } from "../harness/memory";
import { type StartedProcess, startNode, startScript, waitForOutput } from "../harness/processes";
import type { DatabaseConfig } from "../src/config";
import { peerDir } from "./peer";

export type Side = "graphql" | "raw" | "peer";

/** The application_name each side's connections carry. */
export const applicationName: Record<Side, string> = { graphql: "bench-api", raw: "bench-raw", peer: "bench-postgraphile" };

export interface ServerProcess {
  side: Side;
  /** e.g. http://127.0.0.1:40123 (no path) */
  origin: string;
  pid: number;
  memory(): MemoryUse | null;
  /** CPU time the process has used so far, user + system, in ms (Linux); null elsewhere */
  cpuMs(): number | null;
  /** SIGTERM, then SIGKILL if it has not exited within 30 s */
  stop(): Promise<void>;
}

// clock ticks per second for /proc/<pid>/stat: USER_HZ, 100 on every Linux architecture Node runs on
const USER_HZ = 100;

/** The fields of a /proc/<pid>/stat line after the parenthesised command name: the parent is [1], utime and stime [11] and [12]. */
const statFields = (stat: string) => stat.replace(/^.*\) /s, "").split(" ");

const cpuMsOfFields = (fields: string[]) => ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;

function cpuMsOf(pid: number): number | null {
  try {
    return cpuMsOfFields(statFields(readFileSync(`/proc/${pid}/stat`, "utf8")));
  } catch {
    return null;
  }
}

/**
 * CPU time each process of one PostgreSQL server on this machine has used so far, in ms by pid
 * (Linux): the server whose main process is `postmaster` (postmasterOf) and its children. See
 * postgresCpuMsSince.
 */
export function postgresCpu(postmaster: number | null): Map<number, number> | null {
  if (postmaster === null) return null;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    const fields = statFields(stat);
    if (Number(pid) === postmaster || Number(fields[1]) === postmaster) cpu.set(Number(pid), cpuMsOfFields(fields));
  }
  return cpu.size > 0 ? cpu : null;
}

/**
 * The main process of the PostgreSQL server that runs the backend `backendPid` (pg_backend_pid() of
 * a connection to it): its parent, if it is on this machine and a `postgres` process; else null (a
 * server elsewhere, or no /proc), and the database's CPU goes unmeasured.
 */
export function postmasterOf(backendPid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${backendPid}/stat`, "utf8");
    if (!stat.startsWith(`${backendPid} (postgres) `)) return null;
    return Number(statFields(stat)[1]);
  } catch {
    return null;
  }
}

/**
 * What PostgreSQL's processes spent between two readings, in ms: what a side's statements cost the
 * database, read around its turn while no other side runs. By process: a connection a pool closed
 * meanwhile (idle, so it spent next to nothing) takes none of the others' time with it.
 */
export function postgresCpuMsSince(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

// generous: a large catalogue on a busy machine is slow to open
const startTimeoutMs = 180_000;

function serverProcess(side: Side, proc: StartedProcess, origin: string): ServerProcess {
  const pid = proc.child.pid!;
  return {
    side,
    origin,
    pid,
    memory() {
      const memory = memoryOf(pid);
      return memory && { rssMiB: Math.round(memory.rssMiB), peakRssMiB: Math.round(memory.peakRssMiB) };
    },
    cpuMs: () => cpuMsOf(pid),
    stop: async () => void (await proc.stop(30_000)),
  };
}

/** `npm start` in production mode over the given databases, with no admin token and no response cache (the mix measures cold paths; bench/response-cache.ts measures the cache). */
export async function startApiServer(database: DatabaseConfig): Promise<ServerProcess> {
  const api = await startApi(database, { env: { ADMIN_TOKEN: "", PGAPPNAME: applicationName.graphql, RESPONSE_CACHE_MAX_MB: "0" }, timeoutMs: startTimeoutMs });
  return serverProcess("graphql", api.cli, new URL(api.url).origin);
}

/** The raw-SQL baseline (bench/raw-server.ts) over the same detailed database. */
export async function startRawServer(database: DatabaseConfig): Promise<ServerProcess> {
  // started as the API is, so that neither side has an edge
  const proc = startScript("bench/raw-server.ts", [], { env: { ...databaseEnv(database), PORT: "0", NODE_ENV: "production", PGAPPNAME: applicationName.raw } });
  const origin = await waitForOutput(proc, /(http:\/\/[^\s/]+)/, "the raw-SQL server to listen", startTimeoutMs);
  return serverProcess("raw", proc, origin);
}

/** PostGraphile (bench/postgraphile/server.mjs, installed by installPeer) over the detailed database, which preparePeerDatabase readied. */
export async function startPeerServer(database: Extract<DatabaseConfig, { kind: "postgres" }>): Promise<ServerProcess> {
  const proc = startNode([path.join(peerDir, "server.mjs")], {
    env: { DETAILED_DATABASE_URL: database.detailedUrl, PORT: "0", NODE_ENV: "production", PGAPPNAME: applicationName.peer },
  });
  const origin = await waitForOutput(proc, /(http:\/\/[^\s/]+)/, "PostGraphile to listen", startTimeoutMs);
  return serverProcess("peer", proc, origin);
}
