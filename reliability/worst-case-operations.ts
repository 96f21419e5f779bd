// The most expensive operations the query limits let through, generated from the schema: for every
// path of fields from the root (each field at most once on a path, within the depth limit), the most
// aliases and the largest page sizes whose cost the server still accepts, selecting every scalar
// field at the end (counts and per-parent lookups included). Used by reliability/worst-case-cost.test.ts
// and bench/worst-case.ts.
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  visit,
} from "graphql";
import type { Databases } from "../src/db";
import { countSearchMatches } from "../src/db/search";
import { operationCost, queryLimits } from "../src/query-limits";
import { pageSize } from "../src/schema/builder";

export interface WorstCaseOptions {
  /** an id of each type whose root field needs one (Workout, Song, Instructor, IngestRun) */
  ids: Record<string, string>;
  /** a search term that matches as many rows as any */
  searchTerm: string;
}

export interface WorstCaseOperation {
  /** the path and shape, e.g. "instructors>edges>node>topArtists ×15 outer-first" */
  name: string;
  query: string;
  /** the number of field selections written in it, aliases counted */
  fields: number;
  /** what the server's own measure makes of it */
  complexity: number;
}

interface Step {
  field: GraphQLField<unknown, unknown>;
  /** the arguments' literals, without the page sizes */
  args: string[];
  /** the argument that sizes the list it returns (first, last, limit), if any */
  sizedBy?: string;
}

/** Every worst-case operation the schema allows, deduplicated by text. */
export function worstCaseOperations(schema: GraphQLSchema, options: WorstCaseOptions): WorstCaseOperation[] {
  const operations = new Map<string, WorstCaseOperation>();
  for (const path of paths(schema, options)) {
    const sized = path.filter((step) => step.sizedBy).length;
    for (const aliases of [queryLimits.aliases, 1]) {
      for (const order of sized > 1 ? (["outer-first", "inner-first"] as const) : (["outer-first"] as const)) {
        const operation = largestWithinLimits(schema, path, aliases, order);
        if (operation && !operations.has(operation.query)) operations.set(operation.query, operation);
      }
    }
  }
  return [...operations.values()];
}

/** The paths from the root: each through object fields, each field once, ending anywhere within the depth limit. */
function paths(schema: GraphQLSchema, options: WorstCaseOptions): Step[][] {
  const found: Step[][] = [];
  const walk = (type: GraphQLObjectType, path: Step[], seen: Set<GraphQLField<unknown, unknown>>) => {
    // the path, plus the leaf selection below its last object, must stay within the depth limit
    if (path.length + 1 > queryLimits.depth) return;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || seen.has(field) || field.name === "pageInfo") continue;
      const variants = argumentVariants(field, options, path.length === 0);
      if (!variants) continue;
      const sizes = field.args.filter((arg) => ["first", "limit", "last"].includes(arg.name)).map((arg) => arg.name);
      for (const args of variants) {
        for (const sizedBy of sizes.length > 0 ? sizes : [undefined]) {
          const next = [...path, { field, args, sizedBy }];
          // ending on a connection's edges selects only their cursors: the same rows as ending on its nodes
          if (field.name !== "edges") found.push(next);
          // deeper paths with the plainest arguments only (and pages from the start): the variants are about the field's own statements
          if (args === variants[0] && sizedBy === sizes[0]) walk(target, next, new Set([...seen, field]));
        }
      }
    }
  };
  walk(schema.getQueryType()!, [], new Set());
  return found;
}

/**
 * The arguments to try a field with: none beyond what it requires, then (on a root field) each
 * optional search, filter text or order on its own; undefined when it needs an id we have none of.
 */
function argumentVariants(field: GraphQLField<unknown, unknown>, { ids, searchTerm }: WorstCaseOptions, root: boolean): string[][] | undefined {
  const required: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const id = ids[getNamedType(field.type).name];
    if (getNamedType(arg.type).name !== "ID" || id === undefined) return undefined;
    required.push(`${arg.name}: ${JSON.stringify(id)}`);
  }
  const variants = [required];
  if (!root) return variants;
  for (const arg of field.args) {
    for (const value of optionalValues(arg, searchTerm)) variants.push([...required, `${arg.name}: ${value}`]);
  }
  return variants;
}

/** The values an optional argument is tried with: a search term for text, each value of an enum, each text field of an input on its own. */
function optionalValues(arg: GraphQLArgument, searchTerm: string): string[] {
  const type = getNullableType(arg.type);
  if (["after", "before", "first", "last", "limit"].includes(arg.name)) return [];
  if (type === getNamedType(arg.type) && getNamedType(arg.type).name === "String") return [JSON.stringify(searchTerm)];
  if (isEnumType(type)) return type.getValues().map((value) => value.name);
  if (isInputObjectType(type)) return textFields(type).map((name) => `{ ${name}: ${JSON.stringify(searchTerm)} }`);
  return [];
}

const textFields = (type: GraphQLInputObjectType) =>
  Object.values(type.getFields())
    .filter((field) => getNullableType(field.type) === getNamedType(field.type) && getNamedType(field.type).name === "String")
    .map((field) => field.name);

/** The path's operation with `aliases` copies at the root, and its lists as long as the limits allow, filled in `order`. */
function largestWithinLimits(schema: GraphQLSchema, path: Step[], aliases: number, order: "outer-first" | "inner-first"): WorstCaseOperation | undefined {
  const sizes: number[] = path.map((step) => (step.sizedBy ? 1 : 0));
  const fits = () => withinLimits(schema, build(path, sizes, aliases));
  if (!fits()) return undefined;
  const indices = sizes.flatMap((size, i) => (size ? [i] : []));
  for (const i of order === "outer-first" ? indices : indices.reverse()) {
    // the largest size that fits, the others as they stand
    let [low, high] = [1, pageSize.max];
    while (low < high) {
      sizes[i] = Math.ceil((low + high) / 2);
      if (fits()) low = sizes[i]!;
      else high = sizes[i]! - 1;
    }
    sizes[i] = low;
  }
  const query = build(path, sizes, aliases);
  const name = `${path.map((step) => step.field.name + (step.args.length > 0 ? `(${step.args.join(", ")})` : "") + (step.sizedBy === "last" ? "(last)" : "")).join(">")} ×${aliases} ${order} [${sizes.filter(Boolean).join(",")}]`;
  return { name, query, fields: fieldCount(query), complexity: operationCost(schema, parse(query)).complexity };
}

function withinLimits(schema: GraphQLSchema, query: string): boolean {
  const cost = operationCost(schema, parse(query));
  return cost.complexity <= queryLimits.complexity && cost.depth <= queryLimits.depth && cost.breadth <= queryLimits.breadth;
}

/** The operation's text. */
function build(path: Step[], sizes: number[], aliases: number): string {
  const leaves = (type: GraphQLObjectType) =>
    Object.values(type.getFields())
      .filter((field) => isLeafType(getNamedType(field.type)) && field.args.every((arg) => !isNonNullType(arg.type)))
      .map((field) => field.name)
      .join(" ");
  let selection = leaves(getNamedType(path.at(-1)!.field.type) as GraphQLObjectType);
  for (let i = path.length - 1; i >= 0; i--) {
    const { field, args, sizedBy } = path[i]!;
    const all = [...args, ...(sizedBy ? [`${sizedBy}: ${sizes[i]}`] : [])];
    const call = `${field.name}${all.length > 0 ? `(${all.join(", ")})` : ""} { ${selection} }`;
    selection = i === 0 && aliases > 1 ? Array.from({ length: aliases }, (_, n) => `a${n}: ${call}`).join(" ") : call;
  }
  return `{ ${selection} }`;
}

/** How many field selections a document writes, aliases counted. */
export function fieldCount(query: string): number {
  let count = 0;
  visit(parse(query), { Field: () => void count++ });
  return count;
}

/**
 * The ids whose lookups cost the most in a catalogue (the busiest instructor, the most played song,
 * the longest playlist, a run), and the two letters found in the most songs: the costliest search.
 */
export async function costliestArguments({ detailed, workouts }: Pick<Databases, "detailed" | "workouts">): Promise<WorstCaseOptions> {
  const first = async (rows: Promise<{ id: string }[]>) => (await rows)[0]?.id ?? "none";
  const [Instructor, Song, Workout, run] = await Promise.all([
    first(detailed.$queryRaw`SELECT instructor_id AS id FROM detailed_workouts WHERE instructor_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
    first(detailed.$queryRaw`SELECT song_id AS id FROM playlist_entries GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
    first(detailed.$queryRaw`SELECT workout_id AS id FROM playlist_entries GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`),
    workouts.ingestRun.findFirst({ select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  let searchTerm = { term: "an", count: -1 };
  for (const term of ["an", "er", "in", "on", "ar", "la", "ma", "re", "el", "en"]) {
    const count = await countSearchMatches(detailed, "songs", term);
    if (count > searchTerm.count) searchTerm = { term, count };
  }
  return { ids: { Instructor, Song, Workout, IngestRun: String(run?.id ?? 1) }, searchTerm: searchTerm.term };
}
