import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { databaseUrl, scratchName, testBackend, withAdmin } from "../../harness/databases";
import { pgliteSession, pgSession, type SqlSession } from "../../src/db/sql";

export interface EmptyDatabase {
  session: SqlSession;
  /** Drops everything, back to an empty database. */
  wipe(): Promise<void>;
  close(): Promise<void>;
}

/** One raw connection to an empty database on the backend under test (in-memory PGlite, or a scratch PostgreSQL database). */
export async function openEmptyDatabase(): Promise<EmptyDatabase> {
  let session: SqlSession;
  let close: () => Promise<void>;
  if (testBackend === "embedded") {
    const db = await PGlite.create({ extensions: { pg_trgm } });
    session = pgliteSession(db);
    close = () => db.close();
  } else {
    const name = scratchName();
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
    const client = new pg.Client({ connectionString: databaseUrl(name) });
    await client.connect();
    session = pgSession(client);
    close = async () => {
      await client.end();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    };
  }
  return {
    session,
    wipe: () => session.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP EXTENSION IF EXISTS pg_trgm"),
    close,
  };
}
