import { type DefaultConnectionArguments, resolveCursorConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import type { DetailedClient } from "../db";
import { Prisma } from "../db/generated/detailed/client";
import { foldForSearch, type SearchableTable, searchPage } from "../db/search";
import { listCursor, listCursorOf, type NamePosition, searchCursor, searchCursorOf } from "./cursors";

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

type Sort = "asc" | "desc";
type StringBound = { gt?: string; gte?: string; lt?: string; lte?: string };

/** findMany's arguments for a page of a list by the column `C` (a title or a name), then by id. */
export interface ByNamePage<C extends string> {
  where: { AND: ({ [K in C]?: StringBound } | { OR: ({ [K in C]?: StringBound } | { id: StringBound })[] })[] };
  orderBy: ({ [K in C]?: Sort } | { id: Sort })[];
  take: number;
}

export interface SearchSource<T, C extends string> {
  table: SearchableTable;
  /** the column the list of every row (no search) is ordered by, then by id */
  nameColumn: C;
  /** a row's value in that column, which its cursor carries */
  nameOf(row: T): string;
  /** a page of every row, when there is no search */
  all(page: ByNamePage<C>): Promise<T[]>;
  byIds(ids: string[]): Promise<T[]>;
  /** the SQL of a row by its id, with what the query selects (plainRowSql), read with the search's page; null to read them with byIds */
  rowSql?: (id: Prisma.Sql) => Prisma.Sql | null;
  count(): Promise<number>;
}

/**
 * A connection over the rows matching `args.search` (best first, then the most played, then by name),
 * or over all rows without one (by name, then id). A search's page and its totalCount come from one
 * statement, and so does a page of every row; the cursors of both are keyset cursors
 * (src/schema/cursors.ts): a page after one holds the rows past it, however the catalogue grew meanwhile.
 */
export async function searchConnection<T extends { id: string }, C extends string>(
  detailed: DetailedClient,
  args: DefaultConnectionArguments & { search?: string | null },
  source: SearchSource<T, C>,
) {
  const term = args.search == null ? null : searchTerm(args.search);
  if (!term) return listConnection(args, source);
  const after = args.after ? searchCursorOf(args.after, source.table, "after") : undefined;
  const before = args.before ? searchCursorOf(args.before, source.table, "before") : undefined;
  let total = 0;
  const cursors = new Map<string, string>();
  // a cursor's plays are those of its first page's time, and so are those of the cursors it leads to
  const cursorAsOf = after?.asOf ?? before?.asOf;
  const asOf = cursorAsOf ?? Date.now();
  const rowSql = source.rowSql?.(Prisma.sql`p.id`) ?? undefined;
  const connection = await cursorConnection({ args, toCursor: (row: T) => cursors.get(row.id)! }, async ({ limit, inverted }) => {
    const request = { after: after?.position, before: before?.position, asOf: cursorAsOf, limit, backward: inverted };
    const page = await searchPage<T>(detailed, source.table, term, request, rowSql);
    total = page.total;
    for (const { row: _row, ...position } of page.rows) cursors.set(position.id, searchCursor(source.table, { asOf, position }));
    if (rowSql) return page.rows.flatMap(({ row }) => row ?? []);
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
 * The connection over every row of a source, by name then id: a page is the rows past its cursors in
 * that order (`name >= x AND (name > x OR id > y)`: the index on (name, id) serves the first term, so
 * that PostgreSQL reads no row named before the cursor's, however deep the page). totalCount is counted
 * only when asked.
 */
async function listConnection<T extends { id: string }, C extends string>(args: DefaultConnectionArguments, source: SearchSource<T, C>) {
  const after = args.after ? listCursorOf(args.after, source.table, "after") : undefined;
  const before = args.before ? listCursorOf(args.before, source.table, "before") : undefined;
  const connection = await cursorConnection(
    { args, toCursor: (row: T) => listCursor(source.table, { name: source.nameOf(row), id: row.id }) },
    ({ limit, inverted }) => source.all(byNamePage(source.nameColumn, { after, before, limit, backward: inverted })),
  );
  return { ...connection, totalCount: () => source.count() };
}

/** The page of a list by `column` then id between two positions: the first `limit` rows of it, or its last (`backward`, last first). */
function byNamePage<C extends string>(
  column: C,
  { after, before, limit, backward }: { after?: NamePosition; before?: NamePosition; limit: number; backward: boolean },
): ByNamePage<C> {
  const past = ({ name, id }: NamePosition, direction: Sort) => {
    const [beyond, from] = direction === "asc" ? (["gt", "gte"] as const) : (["lt", "lte"] as const);
    return [{ [column]: { [from]: name } }, { OR: [{ [column]: { [beyond]: name } }, { id: { [beyond]: id } }] }];
  };
  const sort: Sort = backward ? "desc" : "asc";
  return {
    where: { AND: [...(after ? past(after, "asc") : []), ...(before ? past(before, "desc") : [])] },
    orderBy: [{ [column]: sort }, { id: sort }],
    take: limit,
  } as ByNamePage<C>;
}

/** The totalCount of a connection that counts only when asked (its `totalCount` runs then). */
export const totalCountOf = (connection: { totalCount: () => Promise<number> }) => connection.totalCount();
