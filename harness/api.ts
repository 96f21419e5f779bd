import type { DatabaseConfig } from "../src/config";
import { startCli } from "./commands";
import { databaseEnv } from "./databases";
import { type StartedProcess, waitForOutput } from "./processes";

export interface ApiServer {
  cli: StartedProcess;
  pid: number;
  /** the GraphQL endpoint, on 127.0.0.1 */
  url: string;
  /** SIGTERM, then SIGKILL after `graceMs` (10 s); answers how it ended */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ApiOptions {
  /** its DATA_DIR (by default the embedded databases' own; none on PostgreSQL) and working directory */
  dataDir?: string;
  /** more settings, which win */
  env?: Record<string, string>;
  /** how long it may take to listen */
  timeoutMs?: number;
}

/**
 * The heap sizes `npm start` runs the API with (package.json). V8 sized the old generation for a 4 GiB
 * limit and let it grow to four times what it held between collections: after the benchmark's mix the
 * API held 280 to 360 MiB, most of it garbage not yet collected; with a 1.5 GiB limit it grows less
 * between collections. The young generation is 2 x 32 MiB: every request's garbage dies there, and with
 * 2 x 8 MiB its collections took 12 % of the CPU of a request read without Prisma (a class with its
 * playlist: 0.71-0.74 ms of CPU a request, against 0.83-0.87), for 45 MiB more RSS.
 */
export const apiNodeOptions = "--max-old-space-size=1536 --max-semi-space-size=32";

/**
 * `npm start` over the databases as a process of its own, on a free port, in production mode (as
 * deployed), with npm start's node options (apiNodeOptions) and without the per-client rate limit
 * (every client of a suite or a benchmark comes from one address; the limit is tested in
 * test/schema/client-errors.test.ts). Answers once it listens.
 */
export async function startApi(database: DatabaseConfig, { dataDir, env = {}, timeoutMs = 60_000 }: ApiOptions = {}): Promise<ApiServer> {
  const cli = startCli(
    "start",
    [],
    {
      ...databaseEnv(database, dataDir),
      NODE_OPTIONS: [process.env.NODE_OPTIONS, apiNodeOptions].filter(Boolean).join(" "),
      PORT: "0",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "0",
      ...env,
    },
    dataDir,
  );
  const port = await waitForOutput(cli, /GraphQL API on http:\/\/localhost:(\d+)\/graphql/, "the API to listen", timeoutMs);
  return { cli, pid: cli.child.pid!, url: `http://127.0.0.1:${port}/graphql`, stop: cli.stop };
}
