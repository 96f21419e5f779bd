// Creating a catalogue database that does not exist yet on its PostgreSQL server, as the original
// scripts' users expect of a fresh server, and saying what to do when the role may not.
import pg from "pg";
import { databaseUrl, describeServer } from "../config";

/** The role and database a PostgreSQL URL connects as and to, as pg reads them (with its defaults for what the URL leaves out). */
export function connectionTarget(url: string): { role: string; database: string } {
  const { user, database } = new pg.Client({ connectionString: url });
  return { role: user ?? "", database: database ?? user ?? "" };
}

/** A connection with the URL's credentials to its server's maintenance database: postgres, or template1 where there is none. */
export async function connectMaintenance(url: string): Promise<pg.Client> {
  try {
    return await connectClient(databaseUrl(url, "postgres"));
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
    return connectClient(databaseUrl(url, "template1"));
  }
}

/** A connection of its own (not a pool's) to the URL's database, closed again when it cannot be made. */
export async function connectClient(url: string, config: Omit<pg.ClientConfig, "connectionString"> = {}): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, ...config });
  client.on("error", () => undefined); // a connection lost fails the statement in flight, which says so
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/**
 * Creates a database, answering false when another process created it meanwhile. PostgreSQL's other
 * errors pass through: 42501 when the role may not create databases.
 */
export async function createDatabase(maintenance: pg.ClientBase, name: string): Promise<boolean> {
  try {
    await maintenance.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    return true;
  } catch (error) {
    // 42P04: it exists now; 23505: two CREATE DATABASE of one name at once, and the other won
    if (["42P04", "23505"].includes((error as { code?: string }).code ?? "")) return false;
    throw error;
  }
}

/**
 * Why databases that do not exist could not be created, and how to create them, in one paragraph:
 * `creating` when CREATE DATABASE itself failed (not the connection to the maintenance database).
 */
export function cannotCreateMessage(missing: { name: string; url: string }[], error: unknown, creating: boolean): string {
  const targets = missing.map(({ name, url }) => ({ name, server: describeServer(url), ...connectionTarget(url) }));
  const servers = new Set(targets.map(({ server }) => server));
  const named = targets.map(({ name, database, server }) => `the ${name} database ${database}${servers.size > 1 ? ` on ${server}` : ""}`).join(" and ");
  const them = targets.length > 1 ? "them" : "it";
  const what = `${named[0]!.toUpperCase()}${named.slice(1)} ${targets.length > 1 ? "do" : "does"} not exist${servers.size === 1 ? ` on ${targets[0]!.server}` : ""}`;
  const createdb = targets.map(({ role, database }) => `createdb -O ${shellWord(role)} ${shellWord(database)}`).join(" && ");
  const { code, message } = error as { code?: string; message?: string };
  if (creating && code === "42501") {
    const role = targets[0]!.role;
    return (
      `${what}, and the role ${role} may not create databases. Create ${them} as a superuser with \`${createdb}\`, ` +
      `or let the role create databases with \`ALTER ROLE ${sqlIdentifier(role)} CREATEDB\`; then run the command again.`
    );
  }
  return `${what}, and ${targets.length > 1 ? "they" : "it"} could not be created: ${message || code}. Create ${them} as a superuser with \`${createdb}\`, then run the command again.`;
}

/** A name as a quoted PostgreSQL identifier, so that its case and characters stay as they are. */
export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

// as a person would type them: bare when they can be
const sqlIdentifier = (name: string) => (/^[a-z_][a-z0-9_$]*$/.test(name) ? name : quoteIdentifier(name));
const shellWord = (word: string) => (/^[\w.@%+=:,/-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);
