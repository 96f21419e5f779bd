import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { UsageError } from "../src/cli/args";
import type { DatabaseConfig } from "../src/config";

export type Backend = DatabaseConfig["kind"];

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

/** The benchmark's own databases: never the catalogue's. */
export const benchDatabaseNames = { workouts: "peloton_bench_workouts", detailed: "peloton_bench_detailed" } as const;
// written into the embedded directory, so that recreating it never deletes a directory the benchmark did not make
const marker = "BENCHMARK-CATALOGUE";

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

export function benchDatabaseConfig(backend: Backend, { postgresUrl, dataDir }: BenchTargetOptions): DatabaseConfig {
  return backend === "postgres"
    ? { kind: "postgres", workoutsUrl: withDatabase(postgresUrl, benchDatabaseNames.workouts), detailedUrl: withDatabase(postgresUrl, benchDatabaseNames.detailed) }
    : { kind: "embedded", dataDir };
}

/** Drops and recreates the benchmark's databases (empty, not migrated yet). */
export async function recreateBenchDatabases(backend: Backend, options: BenchTargetOptions): Promise<DatabaseConfig> {
  if (backend === "postgres") {
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    try {
      for (const name of Object.values(benchDatabaseNames)) {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${name}"`);
      }
    } finally {
      await admin.end();
    }
  } else {
    const { dataDir } = options;
    if (existsSync(dataDir) && (await readdir(dataDir)).length > 0 && !existsSync(path.join(dataDir, marker))) {
      throw new Error(`${dataDir} is not empty and was not made by the benchmark: choose another --data-dir.`);
    }
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, marker), "Made by npm run bench:seed; deleted and rebuilt by the next run.\n");
  }
  return benchDatabaseConfig(backend, options);
}

/** The PostgreSQL server's version, e.g. "15.20". */
export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  } finally {
    await client.end();
  }
}
