import { type DefaultConnectionArguments, resolveCursorConnection, resolveOffsetConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import type { DetailedClient } from "../db";
import { foldForSearch, type SearchableTable, searchPage } from "../db/search";
import { searchCursor, searchCursorOf } from "./cursors";

/** The longest search term: longer than any title or credits worth typing, short enough to stay cheap to match. */
export const maxSearchLength = 200;

/**
 * A search term as the folded columns hold text; refuses what is too short to use an index, or too
 * long to match cheaply. The length is checked as sent, before folding: folding a megabyte of a wide
 * character held the event loop for 0.7 s (and folding can make a text longer).
 */
export function searchTerm(search: string, argumentName = "search"): string {
  const refuse = (message: string) => new GraphQLError(`${argumentName} must be ${message}`, { extensions: { code: "BAD_USER_INPUT", argumentName } });
  // UTF-16 units first, in constant time: no text of more than twice as many holds few enough characters
  if (search.length > 2 * maxSearchLength || [...search.trim()].length > maxSearchLength) throw refuse(`at most ${maxSearchLength} characters`);
  const term = foldForSearch(search.trim());
  const length = [...term].length;
  if (length < 2) throw refuse("at least 2 characters");
  if (length > maxSearchLength) throw refuse(`at most ${maxSearchLength} characters (a ligature such as ﬁ counts as the letters it stands for)`);
  return term;
}

/** `rows` in the order of `ids`. */
const inOrder = <T extends { id: string }>(ids: string[], rows: T[]) => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

export interface SearchSource<T> {
  table: SearchableTable;
  /** a page of every row, when there is no search */
  all(limit: number, offset: number): Promise<T[]>;
  byIds(ids: string[]): Promise<T[]>;
  count(): Promise<number>;
}

/**
 * A connection over the rows matching `args.search` (best first, then the most played, then by name),
 * or over all rows without one. A search's page and its totalCount come from one statement, and its
 * cursors are keyset cursors (src/schema/cursors.ts): a page after one holds the rows past it, however
 * the catalogue grew meanwhile.
 */
export async function searchConnection<T extends { id: string }>(
  detailed: DetailedClient,
  args: DefaultConnectionArguments & { search?: string | null },
  source: SearchSource<T>,
) {
  const term = args.search == null ? null : searchTerm(args.search);
  if (!term) return offsetConnection(args, source.count, ({ limit, offset }) => source.all(limit, offset));
  const after = args.after ? searchCursorOf(args.after, source.table, "after") : undefined;
  const before = args.before ? searchCursorOf(args.before, source.table, "before") : undefined;
  let total = 0;
  const cursors = new Map<string, string>();
  // a cursor's plays are those of its first page's time, and so are those of the cursors it leads to
  const cursorAsOf = after?.asOf ?? before?.asOf;
  const asOf = cursorAsOf ?? Date.now();
  const connection = await cursorConnection({ args, toCursor: (row: T) => cursors.get(row.id)! }, async ({ limit, inverted }) => {
    const page = await searchPage(detailed, source.table, term, {
      after: after?.position,
      before: before?.position,
      asOf: cursorAsOf,
      limit,
      backward: inverted,
    });
    total = page.total;
    for (const position of page.rows) cursors.set(position.id, searchCursor(source.table, { asOf, position }));
    const ids = page.rows.map((row) => row.id);
    return ids.length > 0 ? inOrder(ids, await source.byIds(ids)) : [];
  });
  return { ...connection, totalCount: async () => total };
}

/** resolveCursorConnection, with the null startCursor and endCursor Relay gives a page without edges (Pothos gives "" or the cursor it was sent). */
export async function cursorConnection<T>(...[options, resolve]: Parameters<typeof resolveCursorConnection<Promise<T[]>>>) {
  return withoutCursorsWhenEmpty(await resolveCursorConnection(options, resolve));
}

/** A connection's pageInfo with null cursors when it has no edges: a cursor names an edge. */
function withoutCursorsWhenEmpty<C extends { edges?: readonly unknown[] | null; pageInfo: object }>(connection: C): C {
  if ((connection.edges?.length ?? 0) > 0) return connection;
  return { ...connection, pageInfo: { ...connection.pageInfo, startCursor: null, endCursor: null } };
}

/**
 * resolveOffsetConnection, once `after` and `before` are checked to be offset cursors as it gives them
 * out (another, such as a negative or huge offset or another connection's cursor, is BAD_USER_INPUT
 * rather than an offset the database refuses); `count` runs only when `last` without `before` needs it
 * to find the page, or when the query asks for totalCount (totalCountOf).
 */
export async function offsetConnection<T>(
  args: DefaultConnectionArguments,
  count: () => Promise<number>,
  resolve: (page: { limit: number; offset: number }) => Promise<T[]>,
) {
  for (const name of ["after", "before"] as const) {
    const cursor = args[name];
    if (cursor && !/^OffsetConnection:\d{1,15}$/.test(Buffer.from(cursor, "base64").toString())) {
      throw new GraphQLError(`${name}: invalid cursor`, { extensions: { code: "BAD_USER_INPUT", argumentName: name } });
    }
  }
  const totalCount = args.last != null && args.before == null ? await count() : undefined;
  const connection = withoutCursorsWhenEmpty(await resolveOffsetConnection({ args, totalCount }, resolve));
  return { ...connection, totalCount: async () => totalCount ?? count() };
}

/** The totalCount of a connection resolved by offsetConnection, counted only now that it is asked for. */
export const totalCountOf = (connection: { totalCount: () => Promise<number> }) => connection.totalCount();
