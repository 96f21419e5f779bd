import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Backend, createPostgresPair, dropPostgresPair, postgresPair, withAdmin } from "../harness/databases";
import { UsageError } from "../src/cli/args";
import type { DatabaseConfig } from "../src/config";

export type { Backend };

export function parseBackend(value: string): Backend {
  if (value !== "postgres" && value !== "embedded") throw new UsageError(`--backend must be postgres or embedded, got "${value}"`);
  return value;
}

export interface BenchTargetOptions {
  /** a PostgreSQL server where the benchmark may drop and create its two databases (any database on it) */
  postgresUrl: string;
  /** the embedded databases' directory */
  dataDir: string;
}

export const defaultTargetOptions: BenchTargetOptions = {
  postgresUrl: process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  dataDir: path.resolve("data-bench"),
};

/**
 * The benchmark's own databases, peloton_bench_workouts and peloton_bench_detailed (or another prefix
 * in BENCH_DATABASES, so that two checkouts on one server keep apart): never the catalogue's.
 */
const benchDatabases = process.env.BENCH_DATABASES || "peloton_bench";
// written into the embedded directory, so that recreating it never deletes a directory the benchmark did not make
const marker = "BENCHMARK-CATALOGUE";

export function benchDatabaseConfig(backend: Backend, { postgresUrl, dataDir }: BenchTargetOptions): DatabaseConfig {
  return backend === "postgres" ? postgresPair(benchDatabases, postgresUrl) : { kind: "embedded", dataDir };
}

/** Drops and recreates the benchmark's databases (empty, not migrated yet). */
export async function recreateBenchDatabases(backend: Backend, options: BenchTargetOptions): Promise<DatabaseConfig> {
  if (backend === "postgres") {
    await dropPostgresPair(benchDatabases, options.postgresUrl);
    return createPostgresPair(benchDatabases, { serverUrl: options.postgresUrl });
  }
  const { dataDir } = options;
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0 && !existsSync(path.join(dataDir, marker))) {
    throw new Error(`${dataDir} is not empty and was not made by the benchmark: choose another --data-dir.`);
  }
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, marker), "Made by npm run bench:seed; deleted and rebuilt by the next run.\n");
  return { kind: "embedded", dataDir };
}

/** The PostgreSQL server's version, e.g. "15.20". */
export const postgresVersion = (url: string): Promise<string> =>
  withAdmin(async (client) => (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version, url);
