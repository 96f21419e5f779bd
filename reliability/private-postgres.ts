import { execFile as execFileCallback, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { DatabaseConfig } from "../src/config";

const execFile = promisify(execFileCallback);

/**
 * A PostgreSQL server of the suite's own: a cluster made by initdb in a temporary directory, on a free
 * loopback port, that a test may stop and start again at will, which it may not do to the shared
 * server other work relies on.
 */
export interface PrivatePostgres {
  /** two databases, workouts and detailed, on this server */
  config: Extract<DatabaseConfig, { kind: "postgres" }>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** stops the server and deletes the cluster */
  remove(): Promise<void>;
}

/** Why a private server cannot be made here (no initdb, no user to run it as), or undefined when it can. */
export function privatePostgresUnavailable(): string | undefined {
  if (!binDir()) return "PostgreSQL's initdb and pg_ctl were not found (pg_config --bindir)";
  if (process.getuid?.() === 0 && !userExists("postgres")) return "running as root, and there is no postgres user to run a server as";
  return undefined;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir()!;
  const dir = await mkdtemp(path.join(os.tmpdir(), "pmc-private-pg-"));
  // PostgreSQL refuses to run as root: run its tools as the postgres user then
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    await chown(
      dir,
      Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
      Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
    );
  const run = (tool: string, args: string[]) =>
    asRoot ? execFile("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]) : execFile(path.join(bin, tool), args);
  const data = path.join(dir, "data");
  const port = await freePort();
  await run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => void (await run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]));
  const stop = async () => void (await run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]));
  await start();
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const admin = new pg.Client({ connectionString: url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE workouts");
  await admin.query("CREATE DATABASE detailed");
  await admin.end();
  return {
    config: { kind: "postgres", workoutsUrl: url("workouts"), detailedUrl: url("detailed") },
    stop,
    start,
    async remove() {
      await run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function binDir(): string | undefined {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    return existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")) ? dir : undefined;
  } catch {
    return undefined;
  }
}

function userExists(name: string): boolean {
  try {
    execFileSync("id", ["-u", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
