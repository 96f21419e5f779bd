import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * One database connection, below Prisma: what the migration runner needs (multi-statement scripts,
 * session-level advisory locks, BEGIN/COMMIT on the same connection) and Prisma's client cannot give.
 */
export interface SqlSession {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements, without parameters. */
  exec(script: string): Promise<void>;
}

export function pgSession(client: pg.ClientBase): SqlSession {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as Row[];
    },
    async exec(script) {
      await client.query(script);
    },
  };
}

export function pgliteSession(db: PGlite): SqlSession {
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await db.query<Row>(text, params)).rows;
    },
    async exec(script) {
      await db.exec(script);
    },
  };
}
