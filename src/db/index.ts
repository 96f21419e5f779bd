import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import path from "node:path";
import { type DatabaseConfig, redactUrl } from "../config";
import { type Logger, silentLogger } from "../log";
import { PrismaClient as DetailedClient } from "./generated/detailed/client";
import { PrismaClient as WorkoutsClient } from "./generated/workouts/client";
import { lockDataDir } from "./lock";
import { applyMigrations, readMigrations } from "./migrate";
import { type SqlSession, pgliteSession, pgSession } from "./sql";

export { DetailedClient, WorkoutsClient };

export const databaseNames = ["workouts", "detailed"] as const;
export type DatabaseName = (typeof databaseNames)[number];

export interface Databases {
  backend: DatabaseConfig["kind"];
  workouts: WorkoutsClient;
  detailed: DetailedClient;
  close(): Promise<void>;
}

export interface OpenOptions {
  logger?: Logger;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Called with each SQL statement the Prisma clients send, e.g. to count a GraphQL operation's queries in tests. */
  onQuery?: (database: DatabaseName, sql: string) => void;
}

export class DatabaseConnectionError extends Error {
  override name = "DatabaseConnectionError";
}

const projectRoot = path.resolve(__dirname, "../..");
export const migrationsDir = (name: DatabaseName) => path.join(projectRoot, "prisma", name, "migrations");

/** Opens both databases (embedded PGlite or PostgreSQL), applies pending migrations, and returns their Prisma clients. */
export async function openDatabases(config: DatabaseConfig, options: OpenOptions = {}): Promise<Databases> {
  return config.kind === "postgres" ? openPostgres(config, options) : openEmbedded(config.dataDir, options);
}

async function migrateOne(name: DatabaseName, session: SqlSession, { logger = silentLogger, migrate = true }: OpenOptions) {
  if (migrate) await applyMigrations(session, await readMigrations(migrationsDir(name)), { database: name, logger });
}

async function openPostgres(
  config: Extract<DatabaseConfig, { kind: "postgres" }>,
  options: OpenOptions,
): Promise<Databases> {
  const logger = options.logger ?? silentLogger;
  const pools = {
    workouts: createPool(config.workoutsUrl, "workouts", logger),
    detailed: createPool(config.detailedUrl, "detailed", logger),
  };
  const urls = { workouts: config.workoutsUrl, detailed: config.detailedUrl };
  try {
    for (const name of databaseNames) {
      const client = await pools[name].connect().catch((error: unknown) => {
        throw connectionError(name, urls[name], error);
      });
      try {
        await migrateOne(name, pgSession(client), options);
      } finally {
        client.release();
      }
    }
  } catch (error) {
    await Promise.all([pools.workouts.end(), pools.detailed.end()]);
    throw error;
  }
  const { workouts, detailed } = createClients({ workouts: new PrismaPg(pools.workouts), detailed: new PrismaPg(pools.detailed) }, options);
  return {
    backend: "postgres",
    workouts,
    detailed,
    async close() {
      await Promise.all([workouts.$disconnect(), detailed.$disconnect()]);
      await Promise.all([pools.workouts.end(), pools.detailed.end()]);
    },
  };
}

function createClients(adapters: Record<DatabaseName, SqlDriverAdapterFactory>, { onQuery }: OpenOptions) {
  const log = onQuery ? [{ emit: "event" as const, level: "query" as const }] : [];
  const workouts = new WorkoutsClient({ adapter: adapters.workouts, log });
  const detailed = new DetailedClient({ adapter: adapters.detailed, log });
  if (onQuery) {
    workouts.$on("query", (event) => onQuery("workouts", event.query));
    detailed.$on("query", (event) => onQuery("detailed", event.query));
  }
  return { workouts, detailed };
}

function createPool(connectionString: string, name: DatabaseName, logger: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server must not crash the process: the pool replaces it.
  pool.on("error", (error) => logger.warn({ database: name, err: error }, "idle database connection lost"));
  return pool;
}

function connectionError(name: DatabaseName, url: string, error: unknown): DatabaseConnectionError {
  const variable = `${name.toUpperCase()}_DATABASE_URL`;
  const { code, message } = error as { code?: string; message: string };
  const where = `the ${name} database at ${redactUrl(url)} (${variable})`;
  const hint =
    code === "3D000"
      ? `Create it first, e.g. \`createdb ${new URL(url).pathname.slice(1)}\`.`
      : code === "28P01" || code === "28000"
        ? "Check the user name and password in the URL."
        : "Is PostgreSQL running there, and is the host and port right?";
  return new DatabaseConnectionError(`Cannot connect to ${where}: ${message || code}. ${hint}`, { cause: error });
}

async function openEmbedded(dataDir: string, options: OpenOptions): Promise<Databases> {
  const lock = await lockDataDir(dataDir);
  const opened: PGlite[] = [];
  try {
    const workoutsDb = await PGlite.create(path.join(dataDir, "workouts"));
    opened.push(workoutsDb);
    const detailedDb = await PGlite.create(path.join(dataDir, "detailed"), { extensions: { pg_trgm } });
    opened.push(detailedDb);
    await migrateOne("workouts", pgliteSession(workoutsDb), options);
    await migrateOne("detailed", pgliteSession(detailedDb), options);
    const { workouts, detailed } = createClients({ workouts: new PrismaPGlite(workoutsDb), detailed: new PrismaPGlite(detailedDb) }, options);
    return {
      backend: "embedded",
      workouts,
      detailed,
      async close() {
        await Promise.all([workouts.$disconnect(), detailed.$disconnect()]);
        await Promise.all(opened.map((db) => db.close()));
        await lock.release();
      },
    };
  } catch (error) {
    await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
    await lock.release();
    throw error;
  }
}
