import { type DefaultConnectionArguments, resolveOffsetConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import type { DetailedClient } from "../db";
import { foldForSearch } from "../db/search-text";

/** The longest search term: longer than any title or credits worth typing, short enough to stay cheap to match. */
export const maxSearchLength = 200;

/** A search term as the folded columns hold text; refuses what is too short to use an index, or too long to match cheaply. */
export function searchTerm(search: string, argumentName = "search"): string {
  const term = foldForSearch(search.trim());
  const length = [...term].length;
  if (length < 2 || length > maxSearchLength) {
    const message = length < 2 ? `${argumentName} must be at least 2 characters` : `${argumentName} must be at most ${maxSearchLength} characters`;
    throw new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argumentName } });
  }
  return term;
}

// Searchable tables, and the folded columns the GIN trigram indexes serve. Fixed here: never user input.
const searchable = {
  songs: ["title_search", "artist_names_search"],
  artists: ["name_search"],
} as const;

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const matching = (columns: readonly string[]) => columns.map((c) => `"${c}" LIKE $1`).join(" OR ");

/**
 * A page of the rows matching `term` anywhere in the folded columns (served by the trigram indexes),
 * best matches first (trigram similarity), then by id so that pages are stable; with how many rows
 * match in all, counted in the same scan (null when the page is past the last match).
 */
async function rankedPage(detailed: DetailedClient, table: keyof typeof searchable, term: string, limit: number, offset: number) {
  const columns = searchable[table];
  const rows = await detailed.$queryRawUnsafe<{ id: string; total: bigint }[]>(
    `SELECT id, count(*) OVER () AS total FROM "${table}"
      WHERE ${matching(columns)}
      ORDER BY GREATEST(${columns.map((c) => `similarity("${c}", $2)`).join(", ")}) DESC, id
      LIMIT $3 OFFSET $4`,
    likePattern(term),
    term,
    limit,
    offset,
  );
  const total = rows[0] ? Number(rows[0].total) : offset === 0 ? 0 : null;
  return { ids: rows.map((row) => row.id), total };
}

async function countMatches(detailed: DetailedClient, table: keyof typeof searchable, term: string): Promise<number> {
  const [row] = await detailed.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*) AS count FROM "${table}" WHERE ${matching(searchable[table])}`,
    likePattern(term),
  );
  return Number(row?.count ?? 0);
}

/** `rows` in the order of `ids`. */
const inOrder = <T extends { id: string }>(ids: string[], rows: T[]) => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

export interface SearchSource<T> {
  table: keyof typeof searchable;
  /** a page of every row, when there is no search */
  all(limit: number, offset: number): Promise<T[]>;
  byIds(ids: string[]): Promise<T[]>;
  count(): Promise<number>;
}

/**
 * A connection over the rows matching `args.search` (best first), or over all rows without one. A
 * search page and its totalCount come from one statement.
 */
export async function searchConnection<T extends { id: string }>(
  detailed: DetailedClient,
  args: DefaultConnectionArguments & { search?: string | null },
  source: SearchSource<T>,
) {
  const term = args.search == null ? null : searchTerm(args.search);
  if (!term) return offsetConnection({ args, totalCount: await source.count() }, ({ limit, offset }) => source.all(limit, offset));
  // `last` without `before` needs the count to find its page; any other page counts in its own statement
  let totalCount = args.last != null && args.before == null ? await countMatches(detailed, source.table, term) : undefined;
  const connection = await offsetConnection({ args, totalCount }, async ({ limit, offset }) => {
    const page = await rankedPage(detailed, source.table, term, limit, offset);
    totalCount ??= page.total ?? (await countMatches(detailed, source.table, term));
    return page.ids.length > 0 ? inOrder(page.ids, await source.byIds(page.ids)) : [];
  });
  return { ...connection, totalCount };
}

/**
 * resolveOffsetConnection, once `after` and `before` are checked to be offset cursors as it gives them
 * out: another (a negative or huge offset, another connection's cursor) is BAD_USER_INPUT rather than
 * an offset the database refuses.
 */
export function offsetConnection<T>(
  options: { args: DefaultConnectionArguments; totalCount?: number },
  resolve: (page: { limit: number; offset: number }) => Promise<T[]>,
) {
  for (const name of ["after", "before"] as const) {
    const cursor = options.args[name];
    if (cursor && !/^OffsetConnection:\d{1,15}$/.test(Buffer.from(cursor, "base64").toString())) {
      throw new GraphQLError(`${name}: invalid cursor`, { extensions: { code: "BAD_USER_INPUT", argumentName: name } });
    }
  }
  return resolveOffsetConnection(options, resolve);
}

/** The totalCount of a connection resolved with one (by resolveOffsetConnection). */
export const totalCountOf = (connection: object) => (connection as { totalCount: number }).totalCount;
