import type pg from "pg";
import { ConfigError, databaseUrl, describeServer, redactUrl } from "../config";
import { DatabaseConnectionError } from "../db";
import { connectClient } from "../db/create-database";
import type { Logger } from "../log";

// The original scripts' two PostgreSQL databases, read and never written: each connection is read-only
// from the start and reads in one READ ONLY, REPEATABLE READ transaction (one snapshot for the whole
// import). Versions of the scripts differ in which tables they made, in which database and with which
// columns, so tables are looked up, rows are read whole as jsonb, and classes are paged by id.

/** Where the original scripts kept their data: a PostgreSQL server (a URL without a database) and the names of the two databases. */
export interface LegacySource {
  server: string;
  workoutsDb: string;
  detailedDb: string;
}

/** The names the original scripts gave their databases. */
export const legacyDatabaseNames = { workouts: "peloton_workouts", detailed: "peloton_detailed" } as const;

const tableKinds = ["workouts", "detailed_workouts", "instructors", "songs"] as const;
export type LegacyTableKind = (typeof tableKinds)[number];

// the column each kind of table is read by: a table without it is left out
const keyColumn: Record<LegacyTableKind, string> = { workouts: "id", detailed_workouts: "id", instructors: "id", songs: "workout_id" };

interface LegacyTable {
  kind: LegacyTableKind;
  database: string;
  client: pg.Client;
}

/** A row of a legacy table, as PostgreSQL's to_jsonb gives it: whatever columns that version had. */
export type LegacyRow = Record<string, unknown>;

/** What the legacy tables hold about one class. */
export interface LegacyClass {
  id: string;
  /** its rows in `detailed_workouts` (one per database that has the table, the detailed database's first) */
  detailed: LegacyRow[];
  /** its row in `workouts` */
  workouts?: LegacyRow;
  /** how many rows `songs` has for it (the scripts kept titles and artist names, without Peloton's ids) */
  songs: number;
}

export interface LegacyDatabases {
  source: LegacySource;
  /** the tables read, database by database */
  found: { database: string; tables: LegacyTableKind[] }[];
  /** what was missing, or left out, without stopping the import */
  warnings: string[];
  /** how many classes (distinct ids of `workouts` and `detailed_workouts`) there are */
  countClasses(): Promise<number>;
  /** the classes after `after` (from the first, an empty id included, without it), in id order, at most about `size` */
  classesAfter(after: string | undefined, size: number): Promise<LegacyClass[]>;
  /** a row of `instructors`, if one of them has this id */
  instructor(id: string): Promise<LegacyRow | undefined>;
  close(): Promise<void>;
}

/**
 * Connects to the original scripts' databases, read-only, and finds their tables. A missing database or
 * table is a warning when the other has what to import; none of `workouts` and `detailed_workouts` in
 * either is an error that names what was looked for where.
 */
export async function openLegacyDatabases(source: LegacySource, logger: Logger): Promise<LegacyDatabases> {
  const names = [...new Set([source.detailedDb, source.workoutsDb])];
  const clients: pg.Client[] = [];
  const close = () => Promise.all(clients.map((client) => client.end().catch(() => undefined))).then(() => undefined);
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    logger.warn(message);
  };
  const tables: LegacyTable[] = [];
  const unreadable: { database: string; tables: LegacyTableKind[]; schema: boolean }[] = [];
  let role = "";
  try {
    for (const database of names) {
      const client = await connect(source.server, database);
      if (!client) {
        warn(`${database}: no such database on ${describeServer(source.server)}`);
        continue;
      }
      clients.push(client);
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const found = await findTables(client);
      role = found.role;
      if (found.tables.has("_prisma_migrations")) {
        warn(`${database}: holds a catalogue (it has the catalogue's migrations), not the original scripts' tables; left out`);
        continue;
      }
      const denied: LegacyTableKind[] = [];
      for (const kind of tableKinds) {
        const table = found.tables.get(kind);
        if (!table) continue;
        if (!table.columns.has(keyColumn[kind])) warn(`${database}: its ${kind} table has no ${keyColumn[kind]} column; left out`);
        else if (!table.readable || !found.schemaUsable) denied.push(kind);
        else tables.push({ kind, database, client });
      }
      if (denied.length) unreadable.push({ database, tables: denied, schema: !found.schemaUsable });
    }
    // found now, before the catalogue is opened (or created): reading the first page would fail
    if (unreadable.length) throw new ConfigError(cannotRead(role, unreadable, source));
    const withClasses = tables.filter((table) => table.kind === "workouts" || table.kind === "detailed_workouts");
    if (withClasses.length === 0) {
      throw new ConfigError(
        `Nothing to import: found no workouts or detailed_workouts table (the original scripts' tables) in ${names.join(" or ")} on ${describeServer(source.server)}` +
          `${warnings.length ? ` (${warnings.join("; ")})` : ""}. Give the server that holds them with --from, and their names with --workouts-db and --detailed-db.`,
      );
    }
    for (const kind of ["workouts", "detailed_workouts"] as const) {
      if (!withClasses.some((table) => table.kind === kind)) {
        warn(
          kind === "workouts"
            ? `no workouts table in ${names.join(" or ")}: the classes are those of detailed_workouts`
            : `no detailed_workouts table in ${names.join(" or ")}: every class is left for npm run details`,
        );
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  const of = (kind: LegacyTableKind) => tables.filter((table) => table.kind === kind);
  const classTables = [...of("workouts"), ...of("detailed_workouts")];
  return {
    source,
    found: names.map((database) => ({ database, tables: tables.filter((table) => table.database === database).map((table) => table.kind) })),
    warnings,
    async countClasses() {
      let count = 0;
      for (let ids = await nextIds(classTables, undefined, 5000); ids.length > 0; ids = await nextIds(classTables, ids.at(-1)!, 5000)) count += ids.length;
      return count;
    },
    async classesAfter(after, size) {
      const ids = await nextIds(classTables, after, size);
      if (ids.length === 0) return [];
      const classes = new Map<string, LegacyClass>(ids.map((id) => [id, { id, detailed: [], songs: 0 }]));
      for (const table of of("detailed_workouts")) {
        for (const { id, row } of await rowsOf(table, ids)) classes.get(id)?.detailed.push(row);
      }
      for (const table of of("workouts")) {
        for (const { id, row } of await rowsOf(table, ids)) {
          const found = classes.get(id);
          if (found && !found.workouts) found.workouts = row;
        }
      }
      for (const table of of("songs")) {
        const counted = await table.client.query<{ id: string; songs: number }>(
          `SELECT s.workout_id::text AS id, count(*)::int AS songs FROM public.songs s WHERE s.workout_id::text = ANY($1::text[]) GROUP BY 1`,
          [ids],
        );
        for (const { id, songs } of counted.rows) {
          const found = classes.get(id);
          if (found) found.songs += songs;
        }
      }
      return [...classes.values()];
    },
    async instructor(id) {
      for (const table of of("instructors")) {
        const [found] = await rowsOf(table, [id]);
        if (found) return found.row;
      }
      return undefined;
    },
    close,
  };
}

/** A read-only connection to one database, or undefined when the server has no such database. */
async function connect(server: string, database: string): Promise<pg.Client | undefined> {
  const url = databaseUrl(server, database);
  try {
    return await connectClient(url, { options: "-c default_transaction_read_only=on" });
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === "3D000") return undefined;
    const hint =
      code === "28P01" || code === "28000"
        ? "Check the user name and password (--from, or DB_USER and DB_PASSWORD)."
        : "Is PostgreSQL running there, and are the host and port right (--from, or DB_HOST and DB_PORT)?";
    throw new DatabaseConnectionError(`Cannot connect to the original scripts' database ${database} at ${redactUrl(url)}: ${message || code}. ${hint}`, {
      cause: error,
    });
  }
}

/**
 * The legacy tables (and the catalogue's migration table) in the public schema, each with its columns
 * and whether this connection's role may read it; the role, and whether it may use the schema at all.
 */
async function findTables(client: pg.Client) {
  const { rows } = await client.query<{ table: string; columns: string[]; readable: boolean }>(
    `SELECT c.relname AS table, has_table_privilege(c.oid, 'SELECT') AS readable,
            coalesce(array_agg(a.attname::text) FILTER (WHERE a.attnum > 0 AND NOT a.attisdropped), '{}') AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relkind IN ('r', 'p', 'v', 'm') AND c.relname = ANY($1::text[])
      GROUP BY c.relname, c.oid`,
    [[...tableKinds, "_prisma_migrations"]],
  );
  const [access] = (await client.query<{ role: string; usable: boolean }>(`SELECT current_user AS role, has_schema_privilege('public', 'USAGE') AS usable`))
    .rows;
  return {
    tables: new Map(rows.map((row) => [row.table, { columns: new Set(row.columns), readable: row.readable }])),
    role: access!.role,
    schemaUsable: access!.usable,
  };
}

/** Which tables the role may not read, and the statements their owner runs to let it (or another role to connect as). */
function cannotRead(role: string, unreadable: { database: string; tables: LegacyTableKind[]; schema: boolean }[], source: LegacySource): string {
  const who = /^[a-z_][a-z0-9_$]*$/.test(role) ? role : `"${role.replaceAll('"', '""')}"`;
  const where = unreadable.map(({ database, tables }) => `${tables.join(", ")} in ${database}`).join("; ");
  const grants = unreadable.map(
    ({ database, tables, schema }) =>
      `in ${database}, ${schema ? `GRANT USAGE ON SCHEMA public TO ${who}; ` : ""}GRANT SELECT ON ${tables.join(", ")} TO ${who};`,
  );
  return (
    `The role ${role} may not read the original scripts' tables ${where} (on ${describeServer(source.server)}). ` +
    `As their owner or a superuser, run ${grants.join(" and ")} or give --from a role that may read them.`
  );
}

/**
 * The next ids after `after` (from the first when undefined) across the tables, in byte order (COLLATE
 * "C": UTF-8 bytes, which JavaScript's own string order does not follow past U+FFFF): each table gives
 * its next `size`, and only the ids up to the lowest last id of a table that gave a full page are
 * taken, since that table may hold more ids below the others'.
 */
async function nextIds(tables: LegacyTable[], after: string | undefined, size: number): Promise<string[]> {
  const ids = new Set<string>();
  let bound: string | undefined;
  for (const table of tables) {
    const { rows } = await table.client.query<{ id: string }>(
      `SELECT t.id::text AS id FROM public.${table.kind} t
        WHERE t.id IS NOT NULL AND ($1::text IS NULL OR t.id::text COLLATE "C" > $1::text)
        ORDER BY t.id::text COLLATE "C" LIMIT $2`,
      [after ?? null, size],
    );
    for (const { id } of rows) ids.add(id);
    const last = rows.at(-1)?.id;
    if (rows.length === size && last !== undefined && (bound === undefined || byteOrder(last, bound) < 0)) bound = last;
  }
  return [...ids].filter((id) => bound === undefined || byteOrder(id, bound) <= 0).sort(byteOrder);
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function rowsOf(table: LegacyTable, ids: string[]): Promise<{ id: string; row: LegacyRow }[]> {
  const { rows } = await table.client.query<{ id: string; row: LegacyRow }>(
    `SELECT t.id::text AS id, to_jsonb(t) AS row FROM public.${table.kind} t WHERE t.id::text = ANY($1::text[])`,
    [ids],
  );
  return rows;
}
