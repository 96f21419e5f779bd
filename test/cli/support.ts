import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DatabaseConfig } from "../../src/config";
import { type Databases, openDatabases } from "../../src/db";
import { type Simulator, type SimulatorOptions, startSimulator } from "../../src/simulator";
import { scratchDatabases } from "../support/databases";

const cliDir = path.join(__dirname, "../../src/cli");
const tsx = pathToFileURL(require.resolve("tsx")).href;

export type CliCommand = "migrate" | "sync" | "details" | "start" | "demo" | "backup" | "backups" | "restore";

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `npm run <command>` as the script it runs (node with tsx, no npm in between, so that a
 * signal sent to the child reaches the command itself). It runs in a temporary directory, where no
 * developer's ./.env is, with this process's environment less its catalogue settings, plus `env`.
 */
export function startCli(command: CliCommand, args: string[], env: Record<string, string> = {}, cwd = os.tmpdir()): CliProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(PELOTON_|WORKOUTS_DATABASE_URL|DETAILED_DATABASE_URL|DATA_DIR|BACKUP_DIR|LOG_)/.test(name)),
  );
  const child = spawn(process.execPath, ["--import", tsx, path.join(cliDir, `${command}.ts`), ...args], {
    cwd,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let [stdout, stderr] = ["", ""];
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** The environment that points a command at the simulator (no delays, quick retries) and at the databases. */
export function cliEnv(sim: Simulator, database: DatabaseConfig, dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    ...(database.kind === "postgres" ? { WORKOUTS_DATABASE_URL: database.workoutsUrl, DETAILED_DATABASE_URL: database.detailedUrl } : {}),
    PELOTON_API_URL: sim.url,
    PELOTON_AUTH_URL: sim.url,
    PELOTON_USERNAME: sim.credentials.username,
    PELOTON_PASSWORD: sim.credentials.password,
    PELOTON_REQUEST_DELAY_MS: "0",
    PELOTON_PAGE_DELAY_MS: "0",
    PELOTON_JITTER_MS: "0",
    PELOTON_TIMEOUT_MS: "10000",
    PELOTON_MAX_RETRIES: "2",
    PELOTON_RETRY_BASE_MS: "10",
    LOG_LEVEL: "warn",
  };
}

export interface Scratch {
  config: DatabaseConfig;
  /** the command's DATA_DIR: the embedded databases' own, or a fresh one (for the session) on PostgreSQL */
  dataDir: string;
  env: Record<string, string>;
}

export interface CliFixture {
  sim: Simulator;
  startSimulator(options: SimulatorOptions): Promise<Simulator>;
  /** scratch databases on the backend under test, and the environment that points a command at them and at the simulator */
  scratch(): Promise<Scratch>;
  start(command: CliCommand, db: Scratch, args?: string[], env?: Record<string, string>): CliProcess;
}

/** Registers an afterEach that kills the commands still running and removes the simulator and the databases. */
export function useCliFixture(): CliFixture {
  const cleanups: (() => Promise<unknown>)[] = [];
  const children: CliProcess[] = [];
  afterEach(async () => {
    for (const cli of children.splice(0)) cli.child.kill("SIGKILL");
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  const fixture: CliFixture = {
    sim: undefined as unknown as Simulator,
    async startSimulator(options) {
      fixture.sim = await startSimulator(options);
      cleanups.push(() => fixture.sim.close());
      return fixture.sim;
    },
    async scratch() {
      const { config, remove } = await scratchDatabases();
      const dataDir = config.kind === "embedded" ? config.dataDir : await mkdtemp(path.join(os.tmpdir(), "pmc-cli-"));
      cleanups.push(remove, () => rm(dataDir, { recursive: true, force: true }));
      return { config, dataDir, env: cliEnv(fixture.sim, config, dataDir) };
    },
    start(command, db, args = [], env = {}) {
      const cli = startCli(command, args, { ...db.env, ...env }, db.dataDir);
      children.push(cli);
      return cli;
    },
  };
  return fixture;
}

/** Opens the databases (after the command exited: the embedded ones allow one process), runs fn, closes them. */
export async function inspect<T>(database: DatabaseConfig, fn: (databases: Databases) => Promise<T>): Promise<T> {
  const databases = await openDatabases(database);
  try {
    return await fn(databases);
  } finally {
    await databases.close();
  }
}

/** Polls `condition` until it holds, failing with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The workouts rows that matter, in a stable order, for comparing two databases. */
export const workoutRows = (databases: Databases) =>
  databases.workouts.workout.findMany({
    orderBy: { id: "asc" },
    select: { id: true, title: true, category: true, available: true, processed: true },
  });

export const ingestRuns = (databases: Databases) => databases.workouts.ingestRun.findMany({ orderBy: { id: "asc" } });
