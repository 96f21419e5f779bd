// Operations generated from the schema: each selects one field at every level, from a root field down
// to one leaf (or __typename), so that every field is asked for alone under every way of reaching it.
// A resolver that plans its database query from what is selected meets here the selections a hand-written
// test forgets: a nested object asked for one field, or for nothing but __typename.
import { encodeGlobalID } from "@pothos/plugin-relay";
import {
  astFromValue,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  parse,
  print,
} from "graphql";
import { operationCost, queryLimits } from "../../src/query-limits";
import type { TestDatabases } from "./databases";

/** What the seeded catalogue offers the generated arguments. */
export interface Seeds {
  /** a real id of each type a field looks up by its `id` argument, by type name (Query.workout(id) → Workout) */
  ids: Record<string, string>;
  /** a real global id of each type a field returning an interface (node(id), nodes(ids)) reaches through a fragment on it, by type name */
  globalIds: Record<string, string>;
  /** a search term that matches seeded rows */
  term: string;
}

export interface GeneratedOperation {
  query: string;
  /** the response's keys from the root field down to the leaf */
  path: string[];
  /** whether the leaf's type is non-null */
  nonNull: boolean;
  /** the fields it selects, as "Type.field" */
  fields: string[];
  /** whether a field it selects answers differently to the admin (authScopes) */
  scoped: boolean;
  /** the list it pages with `last`, as "Type.field" */
  fromTheEnd?: string;
}

type Field = GraphQLField<unknown, unknown>;

/** How the lists of one operation are paged: how many rows, from the start (`first`) or from the end (`last`). */
interface Page {
  size: number;
  from: "first" | "last";
}

/** One level of a generated selection: a field with its arguments, or an inline fragment on a possible type. */
interface Step {
  print(page: Page): string;
  key?: string;
  /** whether its field takes `last` */
  pagesFromTheEnd?: boolean;
  field?: { coordinate: string; scoped: boolean };
  /** the type an inline fragment selects */
  on?: string;
}

/** Page sizes tried in turn: two rows show a batch across parents; one when two cost more than the limits allow. */
const PAGE_SIZES = [2, 1];

/**
 * Every query selecting one leaf of `schema` through at most `levels` object types (a connection and its
 * edges do not count), its lists paged from the start and, where it has one and the limits allow, its last
 * list from the end; root fields with a `search` argument also with the seeded term, root fields with an
 * optional enum argument also with each of its values. An operation over the limits at the smallest page
 * is kept, for the API to refuse visibly. Throws, naming the argument, when the seeds cannot supply a required one: a new
 * field must be given real data here, not skipped.
 */
export function everyFieldOperations(schema: GraphQLSchema, seeds: Seeds, levels: number): GeneratedOperation[] {
  const root = schema.getQueryType();
  if (!root) return [];
  const operations = new Map<string, GeneratedOperation>();
  for (const field of Object.values(root.getFields())) {
    for (const variant of rootVariants(field, seeds)) {
      for (const rest of selectionsOf(schema, field, levels, seeds)) {
        // an interface's field under a fragment on one of its types: looked up by an id of that type
        const typed = rest.steps[0]?.on === undefined ? variant : { ...variant, ...globalIdArgs(field, rest.steps[0].on, seeds) };
        const top: Step = { ...stepOf(root, field, seeds), print: (page) => `${field.name}${printArgs(root, field, page, seeds, typed)}` };
        const steps = [top, ...rest.steps];
        const fields = steps.flatMap((step) => (step.field ? [step.field] : []));
        if (!("filter" in variant) && fields.some((f) => answersOnlyFiltered(f.coordinate))) continue;
        // from the end: the list nearest the leaf, each list above it from the start (as a client pages one list back)
        const nearest = steps.findLastIndex((step) => step.pagesFromTheEnd);
        for (const fromTheEnd of nearest < 0 ? [-1] : [-1, nearest]) {
          // a list from the end costs more: under a playlist, even one row of it is over the limit (other paths page it)
          const query = fitting(schema, steps, fromTheEnd) ?? (fromTheEnd < 0 ? printed(steps, PAGE_SIZES.at(-1)!, -1) : undefined);
          if (query === undefined) continue;
          operations.set(query, {
            query,
            path: steps.flatMap((step) => (step.key ? [step.key] : [])),
            nonNull: rest.nonNull,
            fields: fields.map((f) => f.coordinate),
            scoped: fields.some((f) => f.scoped),
            fromTheEnd: fromTheEnd < 0 ? undefined : steps[fromTheEnd]!.field!.coordinate,
          });
        }
      }
    }
  }
  return [...operations.values()];
}

/** A field that answers only under its root field's filter (the playlist entries a music filter matched): generated with the filter variant alone. */
const answersOnlyFiltered = (coordinate: string) => coordinate.endsWith("ConnectionEdge.matches");

/** The chains of steps below `field` down to a leaf, each with whether that leaf is non-null. */
function* selectionsOf(schema: GraphQLSchema, field: Field, levels: number, seeds: Seeds): Generator<{ steps: Step[]; nonNull: boolean }> {
  const type = getNamedType(field.type);
  if (isLeafType(type)) {
    yield { steps: [], nonNull: isNonNullType(field.type) };
    return;
  }
  const left = isWrapper(type) ? levels : levels - 1;
  if (left < 0) return;
  yield { steps: [{ key: "__typename", print: () => "__typename" }], nonNull: true };
  // an interface's own fields, then each possible type's through a fragment
  const owners = isAbstractType(type) ? [...(isInterfaceType(type) ? [type] : []), ...schema.getPossibleTypes(type)] : isObjectType(type) ? [type] : [];
  for (const owner of owners) {
    const on: Step[] = owner === type ? [] : [{ on: owner.name, print: () => `... on ${owner.name}` }];
    for (const child of Object.values(owner.getFields())) {
      const step: Step = { ...stepOf(owner, child, seeds), print: (page) => `${child.name}${printArgs(owner, child, page, seeds, {})}` };
      for (const rest of selectionsOf(schema, child, left, seeds)) yield { ...rest, steps: [...on, step, ...rest.steps] };
    }
  }
}

function stepOf(parent: GraphQLNamedType, field: Field, seeds: Seeds): Omit<Step, "print"> {
  // fails now, rather than when printed, for an argument the seeds cannot supply
  printArgs(parent, field, { size: 1, from: "first" }, seeds, {});
  const authScopes = (options: { extensions?: unknown }) =>
    (options.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes !== undefined;
  return {
    key: field.name,
    pagesFromTheEnd: field.args.some((arg) => arg.name === "last"),
    field: { coordinate: `${parent.name}.${field.name}`, scoped: authScopes(field) || authScopes(parent) },
  };
}

/** A connection or its edge type: a level of the list it pages, not an object of its own. */
function isWrapper(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return ("edges" in fields && "pageInfo" in fields) || ("node" in fields && "cursor" in fields);
}

/** The required ID arguments of `field` given the seeded global id of a `typename` (a list of it where they are lists). */
function globalIdArgs(field: Field, typename: string, seeds: Seeds): Record<string, unknown> {
  const id = seeds.globalIds[typename];
  if (id === undefined) throw new Error(`${field.name}: no seeded global id of a ${typename}; add one to the seeds of test/schema/every-field.test.ts`);
  return Object.fromEntries(
    field.args
      .filter((arg) => isRequiredArgument(arg) && getNamedType(arg.type).name === "ID")
      .map((arg) => [arg.name, isListType(getNullableType(arg.type)) ? [id] : id]),
  );
}

/**
 * The root field's argument sets: none beyond the required, the seeded term as `search`, each value of an
 * optional enum, and a filter naming the seeded song where a filter takes songs (the songs a class matched
 * answer only under a music filter).
 */
function rootVariants(field: Field, seeds: Seeds): Record<string, unknown>[] {
  const variants: Record<string, unknown>[] = [{}];
  for (const arg of field.args) {
    if (isRequiredArgument(arg)) continue;
    const type = getNullableType(arg.type);
    if (arg.name === "search") variants.push({ search: seeds.term });
    else if (isEnumType(type)) variants.push(...type.getValues().flatMap((value) => (value.value === arg.defaultValue ? [] : [{ [arg.name]: value.value }])));
    else if (isInputObjectType(type) && "songIds" in type.getFields()) variants.push({ [arg.name]: { songIds: [seeds.ids.Song] } });
  }
  return variants;
}

/** `(first: 2, id: "…")`: a small page, the seeds' values for the required arguments, and the variant's. */
function printArgs(parent: GraphQLNamedType, field: Field, page: Page, seeds: Seeds, variant: Record<string, unknown>): string {
  const names = new Set(field.args.map((arg) => arg.name));
  // a connection pages by `first` or `last`; a list with a `limit` takes the page size
  const pageArg = names.has(page.from) ? page.from : names.has("first") ? "first" : "limit";
  const args = field.args.flatMap((arg) => {
    const value =
      arg.name in variant
        ? variant[arg.name]
        : arg.name === pageArg && getNamedType(arg.type).name === "Int"
          ? page.size
          : isRequiredArgument(arg)
            ? requiredValue(`${parent.name}.${field.name}(${arg.name}:)`, arg.type, getNamedType(field.type).name, seeds, page.size)
            : undefined;
    return value === undefined ? [] : [`${arg.name}: ${print(astFromValue(value, arg.type)!)}`];
  });
  return args.length > 0 ? `(${args.join(", ")})` : "";
}

/** A value for a required argument from the seeds, or an error saying what the seeds lack. */
function requiredValue(where: string, type: GraphQLInputType, returned: string, seeds: Seeds, size: number): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [requiredValue(where, nullable.ofType, returned, seeds, size)];
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).filter((input) => isNonNullType(input.type) && input.defaultValue === undefined);
    return Object.fromEntries(fields.map((input) => [input.name, requiredValue(`${where}.${input.name}`, input.type, returned, seeds, size)]));
  }
  switch (nullable.name) {
    case "ID": {
      const id = seeds.ids[returned];
      if (id === undefined) throw new Error(`${where}: no seeded id of a ${returned}; add one to the seeds of test/schema/every-field.test.ts`);
      return id;
    }
    case "String":
      return seeds.term;
    case "Int":
      return size;
    case "Boolean":
      return true;
  }
  throw new Error(`${where}: the generator cannot supply a ${nullable.name}; teach test/support/field-selections.ts one`);
}

/** The query at the largest page size within the limits, the step at `fromTheEnd` paged with `last`; undefined if none is. */
function fitting(schema: GraphQLSchema, steps: Step[], fromTheEnd: number): string | undefined {
  return PAGE_SIZES.map((size) => printed(steps, size, fromTheEnd)).find((query) => withinLimits(schema, query));
}

const printed = (steps: Step[], size: number, fromTheEnd: number) =>
  `{ ${steps.map((step, i) => step.print({ size, from: i === fromTheEnd ? "last" : "first" })).join(" { ")}${" }".repeat(steps.length)}`;

function withinLimits(schema: GraphQLSchema, query: string): boolean {
  const cost = operationCost(schema, parse(query));
  return cost.complexity <= queryLimits.complexity && cost.depth <= queryLimits.depth && cost.breadth <= queryLimits.breadth;
}

/** Every field of every type an operation can reach from the query root, as "Type.field". */
export function reachableFields(schema: GraphQLSchema): string[] {
  const seen = new Set<string>();
  const fields: string[] = [];
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isAbstractType(type)) for (const possible of schema.getPossibleTypes(type)) visit(possible);
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    for (const field of Object.values(type.getFields())) {
      fields.push(`${type.name}.${field.name}`);
      visit(getNamedType(field.type));
    }
  };
  const root = schema.getQueryType();
  if (root) visit(root);
  return fields;
}

/** Ids whose every level has something to show: a class with an instructor and a song with an album and artists. */
export async function seedsOf({ detailed }: TestDatabases, runId: string): Promise<Seeds> {
  const song = await detailed.song.findFirstOrThrow({
    where: { albumId: { not: null }, artists: { some: {} }, playlistEntries: { some: { workout: { instructorId: { not: null } } } } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      albumId: true,
      artists: { orderBy: { position: "asc" }, take: 1, select: { artist: { select: { id: true, name: true } } } },
      playlistEntries: { where: { workout: { instructorId: { not: null } } }, take: 1, select: { workout: { select: { id: true, instructorId: true } } } },
    },
  });
  const { workout } = song.playlistEntries[0]!;
  const { artist } = song.artists[0]!;
  const ids = { Workout: workout.id, Instructor: workout.instructorId!, Song: song.id, Album: song.albumId!, Artist: artist.id };
  const globalIds = Object.fromEntries(Object.entries(ids).map(([type, id]) => [type, encodeGlobalID(type, id)]));
  // node(id) and nodes(ids) select the interface's own fields with a class's global id
  return { ids: { ...ids, IngestRun: runId, Node: globalIds.Workout! }, globalIds, term: artist.name };
}
