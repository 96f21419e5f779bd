import { splitSqlScript } from "../../src/backup/sql-script";

const split = (script: string) => [...splitSqlScript(script)].map(({ sql, line, metaCommand }) => (metaCommand ? { meta: sql, line } : { sql, line }));

describe("splitSqlScript", () => {
  it("splits on semicolons, numbering each statement's first line and leaving comments out", () => {
    expect(split("--\n-- PostgreSQL database dump\n--\n\nSET a = 1;\nSELECT 1; /* two */ SELECT\n  2;\n")).toEqual([
      { sql: "SET a = 1;", line: 5 },
      { sql: "SELECT 1;", line: 6 },
      { sql: "SELECT\n  2;", line: 6 },
    ]);
  });

  it("keeps semicolons, quotes and comment marks that are inside strings, identifiers and dollar quotes", () => {
    const statements = [
      `INSERT INTO public.songs VALUES\n\t('a', 'It''s; -- not a comment', 'x'),\n\t('b', 'line one\nline two;', 'y');`,
      `CREATE TABLE "odd;""name" (id text);`,
      `SELECT E'back\\\\slash \\'; quoted', 'C:\\path\\';`,
      `CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;b'; $body$;`,
      `DO $$ BEGIN PERFORM 1; END $$;`,
      `SELECT 1 -- a comment; with a semicolon\n  + 1;`,
      `SELECT /* nested /* comment; */ still; */ 3;`,
    ];
    expect(split(statements.join("\n")).map((s) => s.sql)).toEqual(statements);
  });

  it("gives psql meta-commands on their own, and a last statement without its semicolon", () => {
    expect(split("\\restrict abc123\n\nSET x = 1;\n\\unrestrict abc123\nSELECT 'tail'\n")).toEqual([
      { meta: "\\restrict abc123", line: 1 },
      { sql: "SET x = 1;", line: 3 },
      { meta: "\\unrestrict abc123", line: 4 },
      { sql: "SELECT 'tail'", line: 5 },
    ]);
  });

  it("runs an unterminated string to the end rather than splitting inside it", () => {
    expect(split("SELECT 1;\nSELECT 'never closed; SELECT 2;")).toEqual([
      { sql: "SELECT 1;", line: 1 },
      { sql: "SELECT 'never closed; SELECT 2;", line: 2 },
    ]);
  });
});
