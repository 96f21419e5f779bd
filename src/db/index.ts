import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type DatabaseConfig, redactUrl } from "../config";
import { type Logger, silentLogger } from "../log";
import { PrismaClient as DetailedClient } from "./generated/detailed/client";
import { PrismaClient as WorkoutsClient } from "./generated/workouts/client";
import { lockDataDir } from "./lock";
import { applyMigrations, readMigrations } from "./migrate";
import { RequestAwarePool, takingTurns } from "./request-scope";
import { pgliteSession, pgSession, type SqlSession } from "./sql";

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

async function openPostgres(config: Extract<DatabaseConfig, { kind: "postgres" }>, options: OpenOptions): Promise<Databases> {
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
  const adapter = (pool: pg.Pool) => new PrismaPg(pool, { statementNameGenerator: preparedStatementNames() });
  const { workouts, detailed } = createClients({ workouts: adapter(pools.workouts), detailed: adapter(pools.detailed) }, options);
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

/**
 * Names the statements Prisma sends, so that each connection parses and plans a statement once and
 * then reuses it (pg prepares a named statement on each connection on first use): for the API's short
 * queries, planning costs as much as running them. Only the first `max` distinct statements get a
 * name, so that however many shapes of query clients send, what each connection keeps stays bounded;
 * the rest run unnamed (parsed each time), as without this.
 */
export function preparedStatementNames(max = 500) {
  const names = new Map<string, string>();
  return ({ sql }: { sql: string }): string => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) {
      name = `prisma_${names.size}`;
      names.set(sql, name);
    }
    return name ?? ""; // pg: no name, an unnamed statement
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

/** Connections each database's pool keeps at most: the API's requests and the runs its mutations start share them. */
export const poolSize = 10;
/** Statements one API request runs at once on a database, so that one request cannot take every connection. */
export const statementsPerRequest = 4;

function createPool(connectionString: string, name: DatabaseName, logger: Logger): pg.Pool {
  // connectionTimeoutMillis bounds both a new connection and the wait for a free one (the pool's "timeout exceeded")
  const pool = new RequestAwarePool({ connectionString, max: poolSize, connectionTimeoutMillis: 10_000 }, name, logger);
  // An idle connection dropped by the server must not crash the process: the pool replaces it.
  pool.on("error", (error) => logger.warn({ database: name, err: error }, "idle database connection lost"));
  // Nor one dropped while checked out (between a transaction's statements, or as it is released), when
  // the pool listens no more: the statement in flight fails by itself, and the connection is not reused.
  pool.on("connect", (client) => client.on("error", (error) => logger.debug({ database: name, err: error }, "database connection lost")));
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
  const pglite = await openEmbeddedInstances(dataDir);
  try {
    await migrateOne("workouts", pgliteSession(pglite.workouts), options);
    await migrateOne("detailed", pgliteSession(pglite.detailed), options);
    const { workouts, detailed } = createClients(
      { workouts: new PrismaPGlite(takingTurns(pglite.workouts)), detailed: new PrismaPGlite(takingTurns(pglite.detailed)) },
      options,
    );
    return {
      backend: "embedded",
      workouts,
      detailed,
      async close() {
        await Promise.all([workouts.$disconnect(), detailed.$disconnect()]);
        await pglite.close();
      },
    };
  } catch (error) {
    await pglite.close().catch(() => undefined);
    throw error;
  }
}

export interface EmbeddedInstances extends Record<DatabaseName, PGlite> {
  /** closes both and releases the data directory's lock */
  close(): Promise<void>;
}

/**
 * The two embedded databases' PGlite instances, under the data directory's lock, not migrated: what
 * Prisma runs on, and what whole-database work (backups, restores) needs below it.
 */
export async function openEmbeddedInstances(dataDir: string): Promise<EmbeddedInstances> {
  const lock = await lockDataDir(dataDir);
  const opened: PGlite[] = [];
  try {
    const workouts = await PGlite.create(path.join(dataDir, "workouts"));
    opened.push(workouts);
    const detailed = await PGlite.create(path.join(dataDir, "detailed"), { extensions: { pg_trgm } });
    opened.push(detailed);
    return {
      workouts,
      detailed,
      async close() {
        try {
          await Promise.all([workouts.close(), detailed.close()]);
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
    await lock.release();
    throw error;
  }
}

export interface SqlSessions extends Record<DatabaseName, SqlSession> {
  /** the embedded databases' PGlite instances (their pg_dump needs them); undefined on PostgreSQL */
  pglite?: Record<DatabaseName, PGlite>;
  close(): Promise<void>;
}

/** One raw SQL session per database, below Prisma and not migrated: for whole-database work such as backups and restores. */
export async function openSqlSessions(config: DatabaseConfig): Promise<SqlSessions> {
  if (config.kind === "embedded") {
    const pglite = await openEmbeddedInstances(config.dataDir);
    return { workouts: pgliteSession(pglite.workouts), detailed: pgliteSession(pglite.detailed), pglite, close: pglite.close };
  }
  const urls = { workouts: config.workoutsUrl, detailed: config.detailedUrl };
  const clients: pg.Client[] = [];
  const close = () => Promise.all(clients.map((client) => client.end())).then(() => undefined);
  try {
    for (const name of databaseNames) {
      const client = new pg.Client({ connectionString: urls[name], connectionTimeoutMillis: 10_000 });
      client.on("error", () => undefined); // a connection lost fails the query in flight, which says so
      await client.connect().catch((error: unknown) => {
        throw connectionError(name, urls[name], error);
      });
      clients.push(client);
    }
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return { workouts: pgSession(clients[0]!), detailed: pgSession(clients[1]!), close };
}
