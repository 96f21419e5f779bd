import type { DatabaseConfig } from "../src/config";
import { type Simulator, type SimulatorOptions, startSimulator } from "../src/simulator";
import { commandDataDir, databaseEnv, scratchDatabases } from "./databases";
import { type StartedProcess, type StartOptions, scriptArgs, startNode } from "./processes";

export type CliCommand = "migrate" | "sync" | "details" | "start" | "demo" | "backup" | "backups" | "restore" | "simulator";

/** Node's arguments that run `npm run <command>`: the one place that knows how a command is started. */
export const commandArgs = (command: CliCommand, args: string[] = []) => scriptArgs(`src/cli/${command}.ts`, args);

/**
 * Starts `npm run <command>` as the script it runs (no npm in between, so that a signal sent to the child
 * reaches the command itself). It runs in a temporary directory, where no developer's ./.env is, with
 * this process's environment less its catalogue settings, plus `env`.
 */
export const startCli = (
  command: CliCommand,
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
  options: Omit<StartOptions, "env" | "cwd"> = {},
): StartedProcess => startNode(commandArgs(command, args), { ...options, env, cwd });

/** The environment that points a command at the simulator (no delays, quick retries) and at the databases. */
export const cliEnv = (sim: Simulator, database: DatabaseConfig, dataDir: string): Record<string, string> => ({
  ...databaseEnv(database, dataDir),
  ...simulatorEnv(sim),
});

/** The environment that points a command's Peloton client at the simulator: no delays, quick retries. */
export const simulatorEnv = (sim: Simulator): Record<string, string> => ({
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
});

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
  start(command: CliCommand, db: Scratch, args?: string[], env?: Record<string, string>): StartedProcess;
}

/** Registers a jest afterEach that kills the commands still running and removes the simulator and the databases. */
export function useCliFixture(): CliFixture {
  const cleanups: (() => Promise<unknown>)[] = [];
  const children: StartedProcess[] = [];
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
      const { dataDir, remove: removeDataDir } = await commandDataDir(config);
      cleanups.push(remove, removeDataDir);
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
