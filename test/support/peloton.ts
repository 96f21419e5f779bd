import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type PelotonAuth, type SessionStore, createPelotonAuth, fileSessionStore } from "../../src/auth";
import type { PelotonConfig } from "../../src/config";
import { silentLogger } from "../../src/log";
import { type PelotonClient, createPelotonClient, keptResponsesDir } from "../../src/peloton/client";
import type { Simulator } from "../../src/simulator";

/** Client settings for a simulator: its URLs and demo credentials, no delays, quick retries. */
export const simulatorConfig = (sim: Simulator, overrides: Partial<PelotonConfig> = {}): PelotonConfig => ({
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

/** How many requests the simulator has seen to each path (e.g. "/oauth/token"). */
export const countRequests = (sim: Simulator, pathname: string) => sim.requests.filter((r) => r.path === pathname).length;
export const logins = (sim: Simulator) => countRequests(sim, "/usernamepassword/login");
export const tokenGrants = (sim: Simulator) => countRequests(sim, "/oauth/token");
