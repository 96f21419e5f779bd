import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createPelotonAuth, fileSessionStore, type PelotonAuth, type SessionStore } from "../src/auth";
import type { PelotonConfig } from "../src/config";
import type { Databases } from "../src/db";
import { type ProcessDetailsOptions, processDetails } from "../src/ingest/process-details";
import { type SyncOptions, syncWorkouts } from "../src/ingest/sync-workouts";
import { silentLogger } from "../src/log";
import { createPelotonClient, keptResponsesDir, type PelotonClient } from "../src/peloton/client";
import type { Simulator } from "../src/simulator";
import { startCli } from "./commands";
import { waitForOutput } from "./processes";

/** Where a simulator answers and its login: one in this process (a Simulator), or one in a child process. */
export type SimulatorAddress = Pick<Simulator, "apiUrl" | "authUrl" | "credentials"> & { auth0?: Simulator["auth0"] };

/** Client settings for a simulator: its URLs and login, no delays, quick retries. */
export const simulatorConfig = (sim: SimulatorAddress, overrides: Partial<PelotonConfig> = {}): PelotonConfig => ({
  apiUrl: sim.apiUrl,
  authUrl: sim.authUrl,
  auth0: sim.auth0,
  authMode: "auto",
  username: sim.credentials.username,
  password: sim.credentials.password,
  requestDelayMs: 0,
  pageDelayMs: 0,
  jitterMs: 0,
  timeoutMs: 2000,
  maxRetries: 3,
  retryBaseMs: 10,
  ...overrides,
});

export interface TestClient {
  client: PelotonClient;
  auth: PelotonAuth;
  store: SessionStore;
  dataDir: string;
}

/** A client with its own session file in a temporary DATA_DIR (or the one given, to share a session). */
export async function testClient(config: PelotonConfig, dataDir?: string): Promise<TestClient> {
  dataDir ??= await mkdtemp(path.join(os.tmpdir(), "pmc-peloton-"));
  const store = fileSessionStore(dataDir);
  const auth = createPelotonAuth(config, store, silentLogger);
  return { client: createPelotonClient({ config, auth, logger: silentLogger, responsesDir: keptResponsesDir(dataDir) }), auth, store, dataDir };
}

export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

/**
 * Both stages against the simulator, with a session of their own (thrown away after): its classes and
 * their playlists into the databases. Answers the two runs.
 */
export async function ingestFromSimulator(
  databases: Pick<Databases, "workouts" | "detailed">,
  sim: Simulator,
  {
    sync = {},
    details = { batchSize: 0 },
    client: clientSettings = {},
  }: { sync?: SyncOptions; details?: ProcessDetailsOptions; client?: Partial<PelotonConfig> } = {},
) {
  const { client, dataDir } = await testClient(simulatorConfig(sim, clientSettings));
  try {
    const deps = { workouts: databases.workouts, detailed: databases.detailed, peloton: client, logger: silentLogger };
    return { sync: await syncWorkouts(deps, sync), details: await processDetails(deps, details) };
  } finally {
    await removeDir(dataDir);
  }
}

export interface SimulatorProcess extends SimulatorAddress {
  stop(): Promise<unknown>;
}

/** `npm run simulator` in a child process of its own, so that it answers from another core, as Peloton would. */
export async function startSimulatorProcess({
  classes,
  username,
  password,
}: {
  classes: number;
  username: string;
  password: string;
}): Promise<SimulatorProcess> {
  const proc = startCli("simulator", ["--port", "0", "--classes", String(classes), "--username", username, "--password", password]);
  const url = await waitForOutput(proc, /listening on (\S+)/, "the simulator to listen", 60_000);
  return { apiUrl: url, authUrl: url, credentials: { username, password }, stop: () => proc.stop() };
}
