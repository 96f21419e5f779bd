// What a restore runs: only the statements our backups contain, each read in full before anything runs.
// A backup file is code the database runs as its owner, so a checksum is not enough (whoever rewrites a
// file can rewrite its manifest): every statement must match one of the forms pg_dump writes for our
// schema, with literals for data and no function a dump of ours does not call.
import { readMigrations } from "../db/migrate";
import type { ScriptStatement } from "./sql-script";
import { describe, Reader, Refusal, type Token, tokenize } from "./sql-tokens";

export { Refusal };

/** The names a dump of one of our databases may create: those its migrations have ever created. */
export interface OurSchema {
  tables: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

/** Our tables and enum types, read from a database's migrations folder (plus Prisma's migration history). */
export async function ourSchema(migrationsDir: string): Promise<OurSchema> {
  const tables = new Set(["_prisma_migrations"]);
  const types = new Set<string>();
  for (const { sql } of await readMigrations(migrationsDir)) {
    for (const [, name] of sql.matchAll(/CREATE TABLE "([^"]+)"/g)) tables.add(name!);
    for (const [, name] of sql.matchAll(/CREATE TYPE "([^"]+)" AS ENUM/g)) types.add(name!);
  }
  return { tables, types };
}

// SET lines pg_dump writes, each with the only values that keep the rest of the script meaning what we
// read it to mean (standard_conforming_strings off or another client encoding would change how strings end)
const settings: Record<string, (value: Token) => boolean> = {
  statement_timeout: (value) => value.text === "0",
  lock_timeout: (value) => value.text === "0",
  idle_in_transaction_session_timeout: (value) => value.text === "0",
  transaction_timeout: (value) => value.text === "0",
  client_encoding: (value) => value.kind === "string" && value.text === "UTF8",
  standard_conforming_strings: (value) => value.kind === "word" && value.text === "on",
  check_function_bodies: (value) => value.kind === "word" && value.text === "false",
  xmloption: (value) => value.kind === "word" && value.text === "content",
  client_min_messages: (value) => value.kind === "word" && value.text === "warning",
  row_security: (value) => value.kind === "word" && value.text === "off",
  default_tablespace: (value) => value.kind === "string" && value.text === "",
  default_table_access_method: (value) => value.kind === "word" && value.text === "heap",
};

// the words of the column types our schemas use
const typeWords = new Set([
  "text",
  "integer",
  "bigint",
  "smallint",
  "boolean",
  "jsonb",
  "json",
  "double",
  "precision",
  "real",
  "numeric",
  "character",
  "varying",
  "timestamp",
  "date",
  "time",
  "with",
  "without",
  "zone",
  "uuid",
  "bytea",
]);
const indexMethods = ["btree", "gin", "gist", "hash"];
const foreignKeyActions = ["cascade", "restrict"];

/** What one script (one database's dump) has created so far: later statements may only refer to it. */
interface ScriptState {
  schema: OurSchema;
  tables: Set<string>;
  sequences: Set<string>;
}

export function newScriptState(schema: OurSchema): ScriptState {
  return { schema, tables: new Set(), sequences: new Set() };
}

/**
 * Checks one statement of a dump against the forms our backups contain, and records what it creates.
 * Throws a Refusal saying what is out of place.
 */
export function checkStatement(statement: ScriptStatement, state: ScriptState): void {
  if (statement.metaCommand) {
    if (/^\\(un)?restrict [A-Za-z0-9]+$/.test(statement.sql)) return;
    throw new Refusal(`the psql command ${statement.sql.split(/\s/, 1)[0]}`);
  }
  const read = new Reader(tokenize(statement.sql));
  const first = read.peek();
  if (first?.kind !== "word") throw new Refusal(`a statement starting with ${describe(first)}`);
  switch (first.text) {
    case "set":
      checkSet(read);
      return;
    case "select":
      checkSelect(read, state);
      return;
    case "create":
      checkCreate(read, state);
      return;
    case "alter":
      checkAlter(read, state);
      return;
    case "comment":
      read.words("comment on extension pg_trgm is");
      read.string();
      read.end();
      return;
    case "insert":
      checkInsert(read, state);
      return;
    default:
      throw new Refusal(`a ${first.text.toUpperCase()}`);
  }
}

function checkSet(read: Reader) {
  read.word("set");
  const parameter = read.name();
  read.punct("=");
  const value = read.peek();
  const allowed = Object.hasOwn(settings, parameter) ? settings[parameter] : undefined;
  if (!allowed) throw new Refusal(`SET ${parameter} is not a setting our backups make`);
  if (value === undefined || !allowed(value)) throw new Refusal(`SET ${parameter} to ${describe(value)}`);
  read.skip();
  read.end();
}

function checkSelect(read: Reader, state: ScriptState) {
  read.words("select pg_catalog");
  read.punct(".");
  const fn = read.word("set_config", "setval");
  read.punct("(");
  if (fn === "set_config") {
    if (read.string() !== "search_path") throw new Refusal("set_config of another setting than search_path");
    read.punct(",");
    if (read.string() !== "") throw new Refusal("a search_path other than the empty one");
    read.punct(",");
    read.word("false");
  } else {
    const sequence = /^public\.(\w+)$/.exec(read.string())?.[1];
    if (sequence === undefined || !state.sequences.has(sequence)) throw new Refusal("setval of a sequence the backup did not create");
    read.punct(",");
    read.number();
    read.punct(",");
    read.word("true", "false");
  }
  read.punct(")");
  read.end();
}

function checkCreate(read: Reader, state: ScriptState) {
  read.word("create");
  const what = read.word("table", "type", "sequence", "index", "unique", "extension");
  if (what === "table") {
    const table = read.publicName();
    if (!state.schema.tables.has(table)) throw new Refusal(`the table ${table} is not one of our schema's`);
    read.punct("(");
    do {
      read.name();
      columnType(read, state);
      if (read.maybeWord("default")) defaultValue(read, state);
      if (read.maybeWord("not")) read.word("null");
    } while (read.maybePunct(","));
    read.punct(")");
    state.tables.add(table);
  } else if (what === "type") {
    const type = read.publicName();
    if (!state.schema.types.has(type)) throw new Refusal(`the type ${type} is not one of our schema's`);
    read.words("as enum");
    read.punct("(");
    do read.string();
    while (read.maybePunct(","));
    read.punct(")");
  } else if (what === "sequence") {
    const sequence = read.publicName();
    if (![...state.schema.tables].some((table) => sequence.startsWith(`${table}_`)) || !sequence.endsWith("_seq")) {
      throw new Refusal(`the sequence ${sequence} is not one of a table of ours`);
    }
    while (!read.isPunct(";")) {
      const option = read.word("as", "start", "increment", "no", "minvalue", "maxvalue", "cache");
      if (option === "as") read.word("integer", "bigint", "smallint");
      else if (option === "start") {
        read.maybeWord("with");
        read.number();
      } else if (option === "increment") {
        read.maybeWord("by");
        read.number();
      } else if (option === "no") read.word("minvalue", "maxvalue", "cycle");
      else read.number();
    }
    state.sequences.add(sequence);
  } else if (what === "extension") {
    read.words("if not exists pg_trgm with schema public");
  } else {
    if (what === "unique") read.word("index");
    read.name();
    read.word("on");
    const table = read.publicName();
    if (!state.tables.has(table)) throw new Refusal(`an index on ${table}, a table the backup did not create`);
    read.word("using");
    read.word(...indexMethods);
    read.punct("(");
    do {
      read.name();
      if (read.isWord("public") && read.peek(1)?.text === ".") read.publicName();
      if (read.peek()?.kind === "word" && read.peek()!.text.endsWith("_ops")) read.name();
      read.maybeWord("asc", "desc");
      if (read.maybeWord("nulls")) read.word("first", "last");
    } while (read.maybePunct(","));
    read.punct(")");
    if (read.maybeWord("where")) predicate(read, state);
  }
  read.end();
}

function checkAlter(read: Reader, state: ScriptState) {
  read.word("alter");
  if (read.word("table", "sequence") === "sequence") {
    const sequence = read.publicName();
    if (!state.sequences.has(sequence)) throw new Refusal(`the sequence ${sequence}, which the backup did not create`);
    read.words("owned by public");
    read.punct(".");
    const table = read.name();
    if (!state.tables.has(table)) throw new Refusal(`the table ${table}, which the backup did not create`);
    read.punct(".");
    read.name();
    return read.end();
  }
  read.word("only");
  const table = read.publicName();
  if (!state.tables.has(table)) throw new Refusal(`the table ${table}, which the backup did not create`);
  if (read.maybeWord("alter")) {
    read.word("column");
    read.name();
    read.words("set default");
    nextval(read, state);
    return read.end();
  }
  read.words("add constraint");
  read.name();
  const kind = read.word("primary", "unique", "foreign");
  if (kind !== "unique") read.word("key");
  read.nameList();
  if (kind === "foreign") {
    read.word("references");
    const target = read.publicName();
    if (!state.tables.has(target)) throw new Refusal(`a reference to ${target}, a table the backup did not create`);
    read.nameList();
    while (read.maybeWord("on")) {
      read.word("update", "delete");
      const action = read.word(...foreignKeyActions, "set", "no");
      if (action === "set") read.word("null", "default");
      if (action === "no") read.word("action");
    }
  }
  read.end();
}

function checkInsert(read: Reader, state: ScriptState) {
  read.words("insert into");
  const table = read.publicName();
  if (!state.tables.has(table)) throw new Refusal(`rows for ${table}, a table the backup did not create`);
  read.word("values");
  do {
    read.punct("(");
    do literal(read);
    while (read.maybePunct(","));
    read.punct(")");
  } while (read.maybePunct(","));
  read.end();
}

/** a value as pg_dump --inserts writes it: a string, a number, NULL, true or false */
function literal(read: Reader) {
  const token = read.peek();
  if (token?.kind === "string") read.string();
  else if (token?.kind === "number") read.number();
  else read.word("null", "true", "false");
}

/** integer, timestamp(3) with time zone, character varying(36), text[], public."IngestStatus" */
function columnType(read: Reader, state: ScriptState) {
  if (read.isWord("public")) {
    const type = read.publicName();
    if (!state.schema.types.has(type)) throw new Refusal(`the type ${type} is not one of our schema's`);
  } else {
    const first = read.peek();
    if (first?.kind !== "word" || !typeWords.has(first.text)) throw new Refusal(`expected a column type, found ${describe(first)}`);
    while (read.peek()?.kind === "word" && typeWords.has(read.peek()!.text)) {
      read.name();
      if (read.maybePunct("(")) {
        read.number();
        if (read.maybePunct(",")) read.number();
        read.punct(")");
      }
    }
  }
  while (read.maybePunct("[")) read.punct("]");
}

/** a column default as our schemas have them: a literal (cast to a type), CURRENT_TIMESTAMP, now(), ARRAY[]::text[], nextval('public.x_seq'::regclass) */
function defaultValue(read: Reader, state: ScriptState) {
  if (read.isWord("current_timestamp")) {
    read.name();
  } else if (read.isWord("now")) {
    read.name();
    read.punct("(");
    read.punct(")");
  } else if (read.isWord("nextval")) {
    nextval(read, state);
  } else if (read.isWord("array")) {
    read.name();
    read.punct("[");
    if (!read.isPunct("]")) {
      do literal(read);
      while (read.maybePunct(","));
    }
    read.punct("]");
    read.punct("::");
    columnType(read, state);
  } else {
    literal(read);
    if (read.maybePunct("::")) columnType(read, state);
  }
}

function nextval(read: Reader, state: ScriptState) {
  read.word("nextval");
  read.punct("(");
  const sequence = /^public\.(\w+)$/.exec(read.string())?.[1];
  if (sequence === undefined || !state.sequences.has(sequence)) throw new Refusal("nextval of a sequence the backup did not create");
  read.punct("::");
  read.word("regclass");
  read.punct(")");
}

/** a partial index's WHERE: columns compared with literals of our types, ANY (ARRAY[…]), AND, OR, NOT, IS NULL; no function */
function predicate(read: Reader, state: ScriptState) {
  let depth = 0;
  while (!read.isPunct(";") || depth > 0) {
    const token = read.peek();
    if (token === undefined) throw new Refusal("an index condition that is never closed");
    if (read.maybePunct("(")) depth++;
    else if (read.maybePunct(")")) depth--;
    else if (read.maybePunct("::")) columnType(read, state);
    else if (read.maybePunct("[") || read.maybePunct("]") || read.maybePunct(",") || read.maybePunct("=")) continue;
    else if (token.kind === "string" || token.kind === "number") literal(read);
    else if (read.isWord("any")) {
      read.name();
      if (!read.isPunct("(")) throw new Refusal("ANY without its parenthesis");
    } else if (read.isWord("array")) {
      read.name();
      if (!read.isPunct("[")) throw new Refusal("ARRAY without its bracket");
    } else if (read.peek(1)?.text === "(" || read.peek(1)?.text === ".") {
      throw new Refusal(`a function or a qualified name (${token.text}) in an index condition`);
    } else {
      read.name(); // a column, or AND, OR, NOT, IS, NULL, TRUE, FALSE
    }
    if (depth < 0) throw new Refusal("an unbalanced parenthesis");
  }
  read.end();
}
