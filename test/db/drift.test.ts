import path from "node:path";
import { type DatabaseName, databaseNames } from "../../src/db";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { type Datamodel, type DmmfDefault, type DmmfField, type DmmfModel, loadDatamodel } from "../support/prisma-schema";

// No drift: for each database, what its migrations build is exactly what its schema.prisma describes.
// Both sides are reduced to the same plain description (tables → columns, keys, indexes, foreign keys)
// so that a failure is a readable diff. Constraint names are compared for primary keys and indexes;
// foreign keys by what they do (the DMMF does not expose a relation's `map`).

/** A database schema: table name → its shape. */
type SchemaShape = Record<string, TableShape>;

interface TableShape {
  /** column name → its shape */
  columns: Record<string, { type: string; nullable: boolean; default: string | null }>;
  primaryKey: { name: string; columns: string[] } | null;
  /** index name (unique ones included) → e.g. { unique: false, using: "gin", columns: ["title_search gin_trgm_ops"] } */
  indexes: Record<string, { unique: boolean; using: string; columns: string[] }>;
  /** "song_id -> songs(id)" → referential actions */
  foreignKeys: Record<string, { onDelete: string; onUpdate: string }>;
}

let databases: TestDatabases;
beforeAll(async () => {
  databases = await openTestDatabases();
});
afterAll(() => databases?.dispose());

describe.each(databaseNames)("the %s database", (name: DatabaseName) => {
  test("its migrations build exactly what schema.prisma describes", async () => {
    const schema = describeSchema(loadDatamodel(path.join(__dirname, "../../prisma", name, "schema.prisma")));
    expect(Object.keys(schema).length).toBeGreaterThan(0);

    expect(await describeDatabase(databases[name])).toEqual(schema);
  });
});

// ---- The schema side: Prisma's DMMF, rendered the way Prisma Migrate renders it for PostgreSQL ----

function describeSchema(datamodel: Datamodel): SchemaShape {
  const byName = new Map(datamodel.models.map((model) => [model.name, model]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`${model.name} has no field ${fieldName}`);
    return field.dbName ?? field.name;
  };
  const enumType = (enumName: string) => {
    const found = datamodel.enums.find((e) => e.name === enumName);
    return quoteIdent(found?.dbName ?? enumName);
  };

  const shape: SchemaShape = {};
  for (const model of datamodel.models) {
    const table = tableOf(model);
    const columns: TableShape["columns"] = {};
    const foreignKeys: TableShape["foreignKeys"] = {};
    for (const field of model.fields) {
      if (field.kind !== "object") {
        const column = field.dbName ?? field.name;
        const type = field.kind === "enum" ? enumType(field.type) : columnType(model, field);
        columns[column] = {
          type: field.isList ? `${type}[]` : type,
          nullable: field.isList || !field.isRequired, // Prisma Migrate never makes a list column NOT NULL
          default: defaultSql(field.default, type, `${table}_${column}_seq`),
        };
      } else if (field.relationFromFields?.length) {
        const target = byName.get(field.type)!;
        const from = field.relationFromFields.map((f) => columnOf(model, f));
        const to = (field.relationToFields ?? []).map((f) => columnOf(target, f));
        const optional = field.relationFromFields.some((f) => !model.fields.find((g) => g.name === f)?.isRequired);
        foreignKeys[`${from.join(", ")} -> ${tableOf(target)}(${to.join(", ")})`] = {
          onDelete: field.relationOnDelete ?? (optional ? "SetNull" : "Restrict"), // Prisma's defaults
          onUpdate: field.relationOnUpdate ?? "Cascade",
        };
      }
    }
    shape[table] = { columns, primaryKey: null, indexes: {}, foreignKeys };
  }

  for (const index of datamodel.indexes) {
    const model = byName.get(index.model)!;
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    if (index.type === "id") {
      shape[table]!.primaryKey = { name: index.dbName ?? defaultName([table], "_pkey"), columns };
      continue;
    }
    const unique = index.type === "unique";
    const name = index.dbName ?? defaultName([table, ...columns], unique ? "_key" : "_idx");
    shape[table]!.indexes[name] = {
      unique,
      using: (index.algorithm ?? "BTree").toLowerCase(),
      columns: index.fields.map((f, i) =>
        [columns[i], f.operatorClass && operatorClass(f.operatorClass), f.sortOrder === "desc" && "DESC"].filter(Boolean).join(" "),
      ),
    };
  }
  return shape;
}

/** Prisma's default constraint names: {table}_{columns}{suffix}, cut to PostgreSQL's 63 bytes. */
function defaultName(parts: string[], suffix: string) {
  return parts.join("_").slice(0, 63 - suffix.length) + suffix;
}

/** The column type as PostgreSQL's format_type() prints it. */
function columnType(model: DmmfModel, field: DmmfField): string {
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const template = nativeTypes[name];
    if (template === undefined) throw new Error(`${model.name}.${field.name}: add @db.${name} to nativeTypes in ${__filename}`);
    const modifier = args.length ? `(${args.join(",")})` : "";
    return template.includes("%") ? template.replace("%", modifier) : template + modifier;
  }
  const type = scalarTypes[field.type];
  if (type === undefined) throw new Error(`${model.name}.${field.name}: add ${field.type} to scalarTypes in ${__filename}`);
  return type;
}

const scalarTypes: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

// "%" marks where the type modifier goes when it is not at the end.
const nativeTypes: Record<string, string> = {
  Text: "text",
  Char: "character",
  VarChar: "character varying",
  Uuid: "uuid",
  Citext: "citext",
  Inet: "inet",
  Boolean: "boolean",
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  Real: "real",
  DoublePrecision: "double precision",
  Decimal: "numeric",
  Timestamp: "timestamp% without time zone",
  Timestamptz: "timestamp% with time zone",
  Date: "date",
  Time: "time% without time zone",
  Timetz: "time% with time zone",
  Json: "json",
  JsonB: "jsonb",
  ByteA: "bytea",
};

/** The column default as PostgreSQL's pg_get_expr() prints it; null when the database has none. */
function defaultSql(value: DmmfDefault | undefined, type: string, sequence: string): string | null {
  if (value === undefined) return null;
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'::${type.replace(/\(.*\)/, "")}`;
  if (Array.isArray(value) && value.length === 0) return `ARRAY[]::${type}[]`; // a list column's @default([])
  if (!Array.isArray(value)) {
    if (value.name === "now") return "CURRENT_TIMESTAMP";
    if (value.name === "autoincrement") return `nextval('${sequence}'::regclass)`;
    if (value.name === "dbgenerated") return String(value.args[0]);
    if (["uuid", "cuid", "nanoid", "ulid"].includes(value.name)) return null; // made by Prisma Client, not the database
  }
  throw new Error(`no rendering for @default(${JSON.stringify(value)}): extend defaultSql in ${__filename}`);
}

/** Prisma names its built-in operator classes in PascalCase (JsonbPathOps); raw("...") ones are as written. */
function operatorClass(name: string) {
  return name
    .replace("MinMax", "Minmax")
    .replace(/(?<=[a-z0-9])([A-Z])/g, "_$1")
    .toLowerCase();
}

function quoteIdent(name: string) {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

// ---- The database side: PostgreSQL's catalogs ----

interface RawQueries {
  $queryRawUnsafe<T = unknown>(query: string): Promise<T>;
}

const userTables = `
  JOIN pg_namespace ns ON ns.oid = t.relnamespace
  WHERE ns.nspname = current_schema() AND t.relkind IN ('r', 'p') AND t.relname <> '_prisma_migrations'`;

async function describeDatabase(db: RawQueries): Promise<SchemaShape> {
  const [tables, columns, indexes, foreignKeys] = await Promise.all([
    db.$queryRawUnsafe<{ table: string }[]>(`SELECT t.relname AS "table" FROM pg_class t ${userTables}`),
    db.$queryRawUnsafe<{ table: string; column: string; type: string; nullable: boolean; default: string | null }[]>(`
      SELECT t.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
             NOT a.attnotnull AS "nullable", pg_get_expr(d.adbin, d.adrelid) AS "default"
      FROM pg_class t
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef d ON d.adrelid = t.oid AND d.adnum = a.attnum
      ${userTables}`),
    db.$queryRawUnsafe<{ table: string; name: string; primary: boolean; unique: boolean; using: string; column: string }[]>(`
      SELECT t.relname AS "table", ic.relname AS "name", i.indisprimary AS "primary", i.indisunique AS "unique",
             am.amname AS "using",
             concat_ws(' ', coalesce(a.attname, pg_get_indexdef(i.indexrelid, k.n + 1, true)),
                       CASE WHEN NOT oc.opcdefault THEN oc.opcname END,
                       CASE WHEN i.indoption[k.n]::int & 1 = 1 THEN 'DESC' END) AS "column"
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam
      CROSS JOIN LATERAL generate_series(0, i.indnkeyatts - 1) AS k(n)
      JOIN pg_opclass oc ON oc.oid = i.indclass[k.n]
      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n] -- none for an expression
      JOIN pg_class t ON t.oid = i.indrelid ${userTables}
      ORDER BY 1, 2, k.n`),
    db.$queryRawUnsafe<{ table: string; name: string; column: string; target: string; targetColumn: string; onDelete: string; onUpdate: string }[]>(`
      SELECT t.relname AS "table", c.conname AS "name", a.attname AS "column",
             r.relname AS "target", ra.attname AS "targetColumn",
             c.confdeltype::text AS "onDelete", c.confupdtype::text AS "onUpdate"
      FROM pg_constraint c
      CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, refcol, n)
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
      JOIN pg_class r ON r.oid = c.confrelid
      JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.refcol
      JOIN pg_class t ON t.oid = c.conrelid ${userTables} AND c.contype = 'f'
      ORDER BY 1, 2, k.n`),
  ]);

  const shape: SchemaShape = {};
  for (const { table } of tables) shape[table] = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
  for (const { table, column, ...rest } of columns) shape[table]!.columns[column] = rest;
  for (const { table, name, primary, unique, using, column } of indexes) {
    const t = shape[table]!;
    if (primary) {
      t.primaryKey ??= { name, columns: [] };
      t.primaryKey.columns.push(column);
    } else {
      const index = t.indexes[name] ?? { unique, using, columns: [] };
      t.indexes[name] = index;
      index.columns.push(column);
    }
  }
  // One row per column of each foreign key: gather them, then key each by what it links.
  const links = new Map<string, { table: string; target: string; from: string[]; to: string[]; onDelete: string; onUpdate: string }>();
  for (const { table, name, column, target, targetColumn, onDelete, onUpdate } of foreignKeys) {
    const link = links.get(`${table}.${name}`) ?? { table, target, from: [], to: [], onDelete, onUpdate };
    links.set(`${table}.${name}`, link);
    link.from.push(column);
    link.to.push(targetColumn);
  }
  for (const { table, target, from, to, onDelete, onUpdate } of links.values()) {
    shape[table]!.foreignKeys[`${from.join(", ")} -> ${target}(${to.join(", ")})`] = {
      onDelete: referentialActions[onDelete]!,
      onUpdate: referentialActions[onUpdate]!,
    };
  }
  return shape;
}

/** pg_constraint's action codes, in Prisma's words. */
const referentialActions: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};
