import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import type pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type DatabaseConfig, describeServer, redactUrl } from "../config";
import { type Logger, silentLogger } from "../log";
import { cannotCreateMessage, connectClient, connectionTarget, connectMaintenance, createDatabase } from "./create-database";
import { PrismaClient as DetailedClient } from "./generated/detailed/client";
import { PrismaClient as WorkoutsClient } from "./generated/workouts/client";
import { lockDataDir } from "./lock";
import { applyMigrations, ForeignTablesError, foreignTables, readMigrations, tablesCreatedBy } from "./migrate";
import { outsideRequests, RequestAwarePool, takingTurns } from "./request-scope";
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
  /**
   * Called with each SQL statement the Prisma clients and the hand-written reads send, e.g. to count a
   * GraphQL operation's queries in tests; with its values where a hand-written read sent it.
   */
  onQuery?: (database: DatabaseName, sql: string, values?: unknown[]) => void;
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

type PostgresConfig = Extract<DatabaseConfig, { kind: "postgres" }>;
const urlOf = (config: PostgresConfig, name: DatabaseName) => (name === "workouts" ? config.workoutsUrl : config.detailedUrl);

async function openPostgres(config: PostgresConfig, options: OpenOptions): Promise<Databases> {
  const logger = options.logger ?? silentLogger;
  const pools = {
    workouts: createPool(config.workoutsUrl, "workouts", logger),
    detailed: createPool(config.detailedUrl, "detailed", logger),
  };
  const clients: Partial<Record<DatabaseName, pg.PoolClient>> = {};
  try {
    // Both databases are looked at before anything is written to either: one that holds someone
    // else's tables stops the command with neither created nor migrated.
    for (const name of databaseNames) {
      const client = await connectIfExists(pools[name], name, config);
      if (client) clients[name] = client;
    }
    const ours = await catalogueTables();
    for (const name of databaseNames) {
      const client = clients[name];
      if (client) await refuseForeignTables(pgSession(client), name, config, ours);
    }
    const missing = databaseNames.filter((name) => !clients[name]);
    await createMissing(missing, config, logger);
    for (const name of missing) {
      clients[name] = await pools[name].connect().catch((error: unknown) => {
        throw connectionError(name, config, error);
      });
    }
    for (const name of databaseNames) await migrateOne(name, pgSession(clients[name]!), options);
  } catch (error) {
    for (const client of Object.values(clients)) client.release();
    await Promise.all([pools.workouts.end(), pools.detailed.end()]);
    throw error;
  }
  for (const client of Object.values(clients)) client.release();
  const adapter = (pool: pg.Pool) => new PrismaPg(pool, { statementNameGenerator: preparedStatementNames() });
  const { workouts, detailed } = createClients({ workouts: adapter(pools.workouts), detailed: adapter(pools.detailed) }, options);
  readers.set(workouts, pgReader(pools.workouts, "workouts", options));
  readers.set(detailed, pgReader(pools.detailed, "detailed", options));
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

/** A connection to the database, or undefined when it does not exist (3D000); any other failure says what to check. */
async function connectIfExists(pool: pg.Pool, name: DatabaseName, config: PostgresConfig): Promise<pg.PoolClient | undefined> {
  try {
    return await pool.connect();
  } catch (error) {
    if ((error as { code?: string }).code === "3D000") return undefined;
    throw connectionError(name, config, error);
  }
}

/** Creates the databases that do not exist, each on its own server, with the configured role. */
async function createMissing(missing: DatabaseName[], config: PostgresConfig, logger: Logger) {
  for (const [index, name] of missing.entries()) {
    const url = urlOf(config, name);
    const cannotCreate = (error: unknown, creating: boolean) =>
      new DatabaseConnectionError(
        cannotCreateMessage(
          missing.slice(index).map((each) => ({ name: each, url: urlOf(config, each) })),
          error,
          creating,
        ),
        { cause: error },
      );
    const maintenance = await connectMaintenance(url).catch((error: unknown) => {
      throw cannotCreate(error, false);
    });
    try {
      const { database } = connectionTarget(url);
      const created = await createDatabase(maintenance, database).catch((error: unknown) => {
        throw cannotCreate(error, true);
      });
      if (created) logger.info({ database: name, server: describeServer(url) }, `created the ${name} database ${database}, which did not exist`);
    } finally {
      await maintenance.end().catch(() => undefined);
    }
  }
}

/**
 * The tables of a database that the catalogue would make but did not: someone else's, such as the
 * original scripts' workouts, instructors, detailed_workouts and songs. Empty for one of the
 * catalogue's own databases, and for a new one. Takes a raw session or a pg connection.
 */
export async function foreignTablesIn(connection: SqlSession | pg.ClientBase, ours?: string[]): Promise<string[]> {
  const session = "exec" in connection ? connection : pgSession(connection);
  return foreignTables(session, ours ?? (await catalogueTables()));
}

/** The tables the catalogue's migrations create, in both databases: some versions of the scripts kept detailed_workouts beside workouts. */
async function catalogueTables(): Promise<string[]> {
  const migrations = await Promise.all(databaseNames.map((name) => readMigrations(migrationsDir(name))));
  return tablesCreatedBy(migrations.flat());
}

async function refuseForeignTables(session: SqlSession, name: DatabaseName, config: PostgresConfig, ours: string[]) {
  const tables = await foreignTablesIn(session, ours);
  if (tables.length === 0) return;
  const url = urlOf(config, name);
  const elsewhere = config.dbVariables ? "DB_WORKOUTS_NAME and DB_DETAILED_NAME" : "WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL";
  throw new ForeignTablesError(
    `The ${name} database ${connectionTarget(url).database} at ${describeServer(url)} already holds tables the catalogue did not make ` +
      `(${tables.join(", ")}): the original scripts' tables, it seems. The catalogue never writes over them. Bring their classes in with ` +
      "`npm run import-legacy` (it reads them, leaves them as they are, and gives the catalogue databases of its own), " +
      `or name other databases with ${elsewhere}.`,
    name,
    tables,
  );
}

/**
 * Names the statements Prisma sends, so that each connection parses and plans a statement once and
 * then reuses it (pg prepares a named statement on each connection on first use): for the API's short
 * queries, planning costs as much as running them. Only the first `max` distinct statements get a
 * name, so that however many shapes of query clients send, what each connection keeps stays bounded;
 * the rest run unnamed (parsed each time), as without this.
 */
export function preparedStatementNames(max = 500, prefix = "prisma") {
  const names = new Map<string, string>();
  return ({ sql }: { sql: string }): string => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) {
      name = `${prefix}_${names.size}`;
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
  // a query extension changes no method's type: the clients keep their own
  return {
    workouts: workouts.$extends(lookupsOutsideRequests) as unknown as WorkoutsClient,
    detailed: detailed.$extends(lookupsOutsideRequests) as unknown as DetailedClient,
  };
}

/**
 * Prisma batches the findUnique calls of one tick, whichever requests make them, into one job sent in
 * the context of the request that made the first (see request-scope): once that request was answered
 * (or stopped), the other requests' lookups in the job were refused, and they waited for their own
 * timeout. A lookup by key is short: each is sent as part of no request. (A Prisma promise runs when
 * it is awaited: awaited here, in no request's context.)
 */
type Lookup = { args: unknown; query: (args: unknown) => Promise<unknown> };
const outsideAnyRequest = ({ args, query }: Lookup) => outsideRequests(async () => await query(args));
const lookupsOutsideRequests = { query: { $allModels: { findUnique: outsideAnyRequest, findUniqueOrThrow: outsideAnyRequest } } };

/** A statement as Prisma.sql builds it: its text with $1, $2… and their values. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

/**
 * Runs a read on the database's own driver (pg's pool, or PGlite), below Prisma's client: for the API's
 * hottest reads, a page of 21 short rows, where Prisma's client (its request pipeline, and each row
 * converted twice) cost more CPU than the statement itself. Prisma still owns the models, the migrations
 * and every other query. Rows come as the driver parses them (timestamps as Dates, json parsed, int8 as
 * text): select what needs no conversion.
 */
export type SqlReader = <Row>(statement: SqlStatement) => Promise<Row[]>;

const readers = new WeakMap<object, SqlReader>();

/** The reader of the database `client` was opened on by openDatabases; $queryRaw for another client. */
export function sqlReaderOf(client: DetailedClient | WorkoutsClient): SqlReader {
  return readers.get(client) ?? (<Row>(statement: SqlStatement) => client.$queryRawUnsafe<Row[]>(statement.text, ...statement.values));
}

/**
 * On PostgreSQL: through the pool the Prisma adapter uses (so a statement belongs to its API request,
 * as Prisma's do: request-scope), named as Prisma's are, and reported to onQuery as they are.
 */
function pgReader(pool: pg.Pool, database: DatabaseName, { onQuery }: OpenOptions): SqlReader {
  // names of their own: a connection holds Prisma's prisma_0, prisma_1… too, for other statements;
  // a lookup has two texts (one id, several: matchesIds), so room for 200
  const nameOf = preparedStatementNames(200, "read");
  return async <Row>({ text, values }: SqlStatement) => {
    onQuery?.(database, text, values);
    const name = nameOf({ sql: text }) || undefined;
    return (await pool.query({ name, text, values })).rows as Row[];
  };
}

/** On PGlite: through the instance that takes turns (request-scope), reported to onQuery. */
function pgliteReader(db: PGlite, database: DatabaseName, { onQuery }: OpenOptions): SqlReader {
  return async <Row>({ text, values }: SqlStatement) => {
    onQuery?.(database, text, values);
    return (await db.query<Row>(text, values)).rows;
  };
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

function connectionError(name: DatabaseName, config: PostgresConfig, error: unknown): DatabaseConnectionError {
  const url = urlOf(config, name);
  const settings = config.dbVariables ? `DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and DB_${name.toUpperCase()}_NAME` : `${name.toUpperCase()}_DATABASE_URL`;
  const { code, message } = error as { code?: string; message: string };
  const where = `the ${name} database at ${redactUrl(url)} (${settings})`;
  const { role, database } = connectionTarget(url);
  const hint =
    code === "3D000"
      ? `\`npm run migrate\` creates it (or, as a superuser, \`createdb -O ${role} ${database}\`).`
      : code === "28P01" || code === "28000"
        ? config.dbVariables
          ? "Check DB_USER and DB_PASSWORD."
          : "Check the user name and password in the URL."
        : config.dbVariables
          ? "Is PostgreSQL running there, and are DB_HOST and DB_PORT right?"
          : "Is PostgreSQL running there, and is the host and port right?";
  return new DatabaseConnectionError(`Cannot connect to ${where}: ${message || code}. ${hint}`, { cause: error });
}

async function openEmbedded(dataDir: string, options: OpenOptions): Promise<Databases> {
  const pglite = await openEmbeddedInstances(dataDir);
  try {
    await migrateOne("workouts", pgliteSession(pglite.workouts), options);
    await migrateOne("detailed", pgliteSession(pglite.detailed), options);
    const turns = { workouts: takingTurns(pglite.workouts), detailed: takingTurns(pglite.detailed) };
    const { workouts, detailed } = createClients({ workouts: new PrismaPGlite(turns.workouts), detailed: new PrismaPGlite(turns.detailed) }, options);
    readers.set(workouts, pgliteReader(turns.workouts, "workouts", options));
    readers.set(detailed, pgliteReader(turns.detailed, "detailed", options));
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
  const clients: pg.Client[] = [];
  const close = () => Promise.all(clients.map((client) => client.end())).then(() => undefined);
  try {
    const ours = await catalogueTables();
    for (const name of databaseNames) {
      const client = await connectClient(urlOf(config, name)).catch((error: unknown) => {
        throw connectionError(name, config, error);
      });
      clients.push(client);
      // a restore empties the database whole: never one that holds someone else's tables
      await refuseForeignTables(pgSession(client), name, config, ours);
    }
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return { workouts: pgSession(clients[0]!), detailed: pgSession(clients[1]!), close };
}
