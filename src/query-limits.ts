// What one operation may cost, and the check that refuses an operation over it before it runs.
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind, type OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import type { DetailedClient } from "./db";
import { wordsForSearch } from "./db/search";
import { type WordsFilter, wordsReached } from "./db/workout-filters";

/**
 * What one operation may ask for. `complexity` is in units of about 12.5 µs of database time (on the
 * 50,000-class benchmark catalogue, PostgreSQL), so that its limit is about 250 ms: a column read costs
 * 1, a field that runs statements of its own costs what they take (fieldPrices), and a list multiplies
 * what it selects by its page size.
 */
export const queryLimits = { depth: 12, complexity: 20_000, breadth: 300, aliases: 15, tokens: 3000 } as const;

/** A statement of its own: about a millisecond, round trip included. */
const STATEMENT = 80;

/** What a search costs, by its term: two letters match a large part of the catalogue, which is then ranked and counted. */
const searchPrice = (term: unknown) => {
  // a term far over the length search accepts is refused before it runs: not worth reading through here
  const length = typeof term === "string" && term.length <= 1_000 ? [...term.trim()].length : 0;
  return length <= 2 ? 12_000 : length === 3 ? 8_000 : 5_000;
};

/**
 * What the operation's whole-word filters reach, looked up before it is priced: for each filter and
 * its words ("artist: acdc"), how many songs (artist, song) or classes (title) it reaches, counted
 * as far as its price tells apart (wordPrices).
 */
export interface PricingContext {
  wordReach?: ReadonlyMap<string, number>;
}

const wordsKey = (filter: WordsFilter, term: unknown) =>
  // a term far over the length a filter accepts is refused before it runs: not worth reading through here
  typeof term === "string" && term.length <= 1_000 ? `${filter}:${wordsForSearch(term.trim())}` : undefined;

/** A whole-word filter's prices: each step's price holds up to its reach; past the last, the worst. */
type WordPrices = { steps: [reach: number, price: number][]; worst: number };

// the music filters' statements join the playlists: one table for both
const musicWordPrices = {
  steps: [
    [0, 100],
    [500, 2_000],
    [5_000, 8_000],
  ],
  worst: 20_000,
} satisfies WordPrices;

/**
 * What a whole-word filter adds to a statement that applies it to every class (a page and its count,
 * the facets), by the rows it reaches: the price of the first step whose reach it is within, else the
 * worst (also the price of a term whose reach was not looked up). Measured on the benchmark catalogue
 * (bench/README.md, "The class finder's text filters" and "A class title's words"):
 * - artist, song: a term reaching no song costs nothing measurable, Beyoncé's 356 songs ~25 ms,
 *   2,500 to 5,000 songs (a common word: "love" in titles) 100 to 150 ms, and past that the statement
 *   joins most of the 750,000 playlist entries: ~250 ms for "the" (73,000 songs);
 * - title: the classes' own column, through its trigram index: a few hundred classes ~5 ms a
 *   statement, "ride" (most of the 50,000) ~35 ms for the count and ~20 ms for a page.
 */
const wordPrices: Record<WordsFilter, WordPrices> = {
  artist: musicWordPrices,
  song: musicWordPrices,
  title: {
    steps: [
      [0, 100],
      [500, 800],
    ],
    worst: 4_000,
  },
};

/** The whole-word filters of a workouts filter, by their argument names. */
const wordFilters = Object.keys(wordPrices) as WordsFilter[];
const isWordFilter = (key: string): key is WordsFilter => (wordFilters as string[]).includes(key);

/** How far a filter's reach is counted: one row past its last step is enough to know it is past it. */
const reachCounted = (filter: WordsFilter) => wordPrices[filter].steps.at(-1)![0] + 1;

const wordFilterPrice = (filter: WordsFilter, term: unknown, { wordReach }: PricingContext) => {
  const key = wordsKey(filter, term);
  // refused before it runs: over the length a filter accepts, or without two characters besides punctuation
  if (key === undefined || [...key.slice(key.indexOf(":")).trim()].length < 3) return 0;
  const reach = wordReach?.get(key);
  const { steps, worst } = wordPrices[filter];
  return reach === undefined ? worst : (steps.find(([upTo]) => reach <= upTo)?.[1] ?? worst);
};

/**
 * What a workouts filter adds to the statements it is in: its whole-word terms by what they
 * reach, and its songs' ids by how many classes they reach (a page and its count for the 100 most
 * credited artists: ~150 ms on the benchmark catalogue, twice that on a loaded machine; for the 100
 * most played songs: ~40 ms). The other criteria are index or column reads.
 */
const workoutFilterPrice = (filter: unknown, ctx: PricingContext) => {
  const given = (filter ?? {}) as Record<string, unknown>;
  const count = (ids: unknown) => (Array.isArray(ids) ? ids.length : 0);
  const words = wordFilters.reduce((sum, name) => sum + (given[name] == null ? 0 : wordFilterPrice(name, given[name], ctx)), 0);
  const { artistIds, songIds } = given;
  return words + 120 * count(artistIds) + 30 * count(songIds);
};

/**
 * Looks up what each whole-word filter of a request reaches (wordFilterPrice), before the
 * operation is priced: the filters' terms as the document writes them (`artist: "a-ha"`, `song: $title`)
 * or as its variables hold them (`{ "filter": { "artist": "a-ha" } }`), at most 10 of them (any other
 * is priced as the worst).
 */
function lookUpWordReach(detailed: DetailedClient, { query, variables }: { query?: unknown; variables?: unknown }): Promise<Map<string, number>> | undefined {
  const terms = new Set<string>();
  const add = (filter: WordsFilter, term: unknown) => {
    const key = wordsKey(filter, term);
    if (key !== undefined && terms.size < 10) terms.add(key);
  };
  const given = (variables ?? {}) as Record<string, unknown>;
  // every argument the document writes with a string or a variable: those of a whole-word filter are looked up
  for (const [, name, literal, variable] of (typeof query === "string" ? query : "").matchAll(/\b(\w+)\s*:\s*(?:("(?:[^"\\\n]|\\.)*")|\$(\w+))/g)) {
    if (!isWordFilter(name!)) continue;
    try {
      add(name, variable === undefined ? JSON.parse(literal!) : given[variable]);
    } catch {
      // not a string JSON reads: its filter is priced as the worst
    }
  }
  const walk = (value: unknown, depth: number): void => {
    if (depth > 10 || value === null || typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value)) {
      if (isWordFilter(key) && typeof inner === "string") add(key, inner);
      else walk(inner, depth + 1);
    }
  };
  walk(variables, 0);
  // most requests filter by no word: no statement and no promise for them
  if (terms.size === 0) return undefined;
  return Promise.all(
    [...terms].map(async (key) => {
      const [filter, words] = [key.slice(0, key.indexOf(":")) as WordsFilter, key.slice(key.indexOf(":") + 1)];
      return [key, words.trim().length < 2 ? 0 : await wordsReached(detailed, filter, words, reachCounted(filter))] as const;
    }),
  ).then((reach) => new Map(reach));
}

/** A page of a parent's list: batched for every parent, but two statements of its own for each after a cursor or from the end. */
const pagedOnItsOwn = (args: Record<string, unknown>) => args.after != null || args.before != null || args.last != null;
const childPagePrice = (args: Record<string, unknown>) => (pagedOnItsOwn(args) ? 2_000 : 100);

/**
 * The fields that cost more than a column read, by "Type.field": for each time they run, what their
 * statements take (measured with bench/worst-case.ts). A connection's price includes counting it,
 * whether or not totalCount is asked (Pothos' measure multiplies a connection's whole selection by its
 * page size, so totalCount cannot be priced once on its own).
 */
export const fieldPrices: Record<string, number | ((args: Record<string, unknown>, ctx: PricingContext) => number)> = {
  // root fields: one or two statements each, the counts over whole tables
  "Query.workouts": (args, ctx) => STATEMENT + 1_600 + workoutFilterPrice(args.filter, ctx),
  // every class the filter keeps but the facets' own criteria, grouped by each facet at once: ~70 ms for 50,000 classes
  "Query.workoutFacets": (args, ctx) => STATEMENT + 5_600 + workoutFilterPrice(args.filter, ctx),
  // a page's matching entries, one statement for the page: ~10 ms for 20 classes of a broad artist
  "QueryWorkoutsConnectionEdge.matches": 40,
  "Query.songs": (args) => STATEMENT + (args.search == null ? 2_400 : searchPrice(args.search)),
  // counting every artist: ~15 ms on PostgreSQL, twice that embedded, for 50,000 artists
  "Query.artists": (args) => STATEMENT + (args.search == null ? 1_300 : searchPrice(args.search)),
  "Query.instructors": 2 * STATEMENT,
  "Query.ingestRuns": 2 * STATEMENT,
  "Query.catalogueStatus": 6_000,
  "Query.workout": STATEMENT,
  "Query.song": STATEMENT,
  "Query.artist": STATEMENT,
  "Query.album": STATEMENT,
  "Query.instructor": STATEMENT,
  // one statement for each type the ids name (Prisma batches one tick's lookups of a model)
  "Query.node": STATEMENT,
  "Query.nodes": 5 * STATEMENT,
  "Query.ingestRun": STATEMENT,
  // per parent, even batched into one statement for every parent: the rows each parent makes the database read
  "Instructor.topArtists": 10_000, // every play of the instructor's classes, grouped: 140 ms for the busiest (900 classes, 16,000 credits)
  "Instructor.workouts": childPagePrice, // every class of the instructor ranked, then the page read (src/schema/pages.ts)
  "Song.workouts": childPagePrice, // every class that plays the song (850 for the most played) ranked, then the page read
  "Song.playCount": 10,
  "Artist.songs": childPagePrice, // every song of the artist ranked, then the page read
  "Album.songs": childPagePrice, // every song of the album ranked, then the page read
  "Artist.playCount": 10,
  // the class list's row of each class, one statement for every class of the request (src/schema/class-listing.ts)
  "Workout.available": 10,
  "Workout.pelotonUrl": 10,
};

/** A field's price (fieldPrices), 1 for a column read. */
export function fieldPrice(parentType: string, field: string, args: Record<string, unknown>, ctx: PricingContext = {}): number {
  const price = fieldPrices[`${parentType}.${field}`] ?? 1;
  return typeof price === "function" ? price(args, ctx ?? {}) : price;
}

/**
 * Refuses an over-deep, over-broad or over-costly operation before it runs, as a validation error.
 * The complexity depends on the variables (page sizes), so it is measured for each request, after
 * the document's own validation (which Yoga caches by document), and only once that passed: the
 * measure cannot make sense of an invalid document. It reads only the operations (the one named, or
 * each of them), as Pothos' complexity rule would inside a validation pass over the whole document.
 */
export function useComplexityLimits(
  detailed?: DetailedClient,
): Plugin<{ params?: { variables?: Record<string, unknown>; operationName?: string }; request: Request }> {
  // what each request's whole-word filters reach, looked up once its parameters are read
  const wordReach = new WeakMap<Request, Map<string, number>>();
  // each operation's cost by its variables and word reach, kept: measuring one took a tenth of the CPU
  // of a small request, and clients send the same few documents with a few variables over and over.
  // Documents are told apart by identity (Yoga's parse cache hands out one per text), in 8 MiB of keys.
  const documentIds = new WeakMap<DocumentNode, number>();
  let documents = 0;
  const costs = new LRUCache<string, Cost>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (_cost, key) => 2 * key.length + 64 });
  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    ctx: PricingContext,
  ) => {
    let documentId = documentIds.get(document);
    if (documentId === undefined) {
      documentId = ++documents;
      documentIds.set(document, documentId);
    }
    let key: string | undefined;
    try {
      // the variables the operation declares: those it is priced by
      const declared = (operation.variableDefinitions ?? []).flatMap(({ variable: { name } }) =>
        name.value in variables ? [[name.value, variables[name.value]]] : [],
      );
      key = JSON.stringify([documentId, operation.name?.value ?? null, operation.loc?.start, declared, ctx.wordReach ? [...ctx.wordReach] : null]);
    } catch {
      // variables JSON cannot write (too deep): measured every time
    }
    // a large text in the variables is measured each time rather than kept
    if (key !== undefined && key.length > 4096) key = undefined;
    const cached = key === undefined ? undefined : costs.get(key);
    if (cached) return cached;
    const fragments = document.definitions.filter((def) => def.kind === Kind.FRAGMENT_DEFINITION);
    const cost = operationCost(schema, { ...document, definitions: [operation, ...fragments] }, variables, ctx);
    if (key !== undefined) costs.set(key, cost);
    return cost;
  };
  return {
    onParams({ request, params }) {
      const reach = detailed && lookUpWordReach(detailed, params);
      return reach?.then((found) => void wordReach.set(request, found));
    },
    onValidate({ context, params: { schema, documentAST } }) {
      return ({ valid }) => {
        if (!valid) return;
        const { variables = {}, operationName } = context.params ?? {};
        const document: DocumentNode = documentAST;
        const operations = document.definitions.filter(
          (def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION && (operationName == null || def.name?.value === operationName),
        );
        if (operations.length === 0) throw new AggregateError([asValidationError(new GraphQLError(`Unknown operation named "${operationName}".`))]);
        const errors = operations.flatMap((operation) => {
          try {
            const ctx: PricingContext = { wordReach: wordReach.get(context.request) };
            return refusals(costOf(schema, document, operation, variables, ctx));
          } catch (error) {
            if (error instanceof GraphQLError) return [error];
            throw error;
          }
        });
        if (errors.length > 0) throw new AggregateError(errors.map(asValidationError));
      };
    },
  };
}

type Cost = ReturnType<typeof complexityFromQuery>;

/** What one operation (the document's only one) costs, by the measure queryLimits bounds; whole-word filters not in `ctx` as the worst. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, ctx: PricingContext = {}) {
  return complexityFromQuery(document, { schema, variables, ctx });
}

/** What exceeds queryLimits, each as Pothos' complexity rule words it. */
function refusals(cost: Record<"complexity" | "depth" | "breadth", number>): GraphQLError[] {
  return (["complexity", "depth", "breadth"] as const).flatMap((what) => {
    const [actual, max] = [cost[what], queryLimits[what]];
    return actual > max
      ? [new GraphQLError(`Query ${what} of ${actual} exceeds max ${what} of ${max}`, { extensions: { code: `QUERY_${what.toUpperCase()}`, max, actual } })]
      : [];
  });
}

/** graphql-armor's limits throw their refusal rather than report it: make it a validation error like any other. */
export const useThrownRefusals: Plugin = {
  onValidate({ validateFn, setValidationFn }) {
    setValidationFn((...args) => reportingThrown(() => validateFn(...args)));
  },
};

function reportingThrown(validation: () => ReadonlyArray<GraphQLError>): ReadonlyArray<GraphQLError> {
  try {
    return validation();
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
}

// what Yoga makes of the errors its validation finds (useHTTPValidationError), for errors found after it
const asValidationError = (error: GraphQLError) =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: error.extensions.code ?? "GRAPHQL_VALIDATION_FAILED", http: { spec: true, status: 400 } },
  });
