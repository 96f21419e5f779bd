import type { DetailedClient } from ".";
import { Prisma } from "./generated/detailed/client";

/** Text folded the way search compares it: lower case, accents removed ("Beyoncé" → "beyonce"). */
export const foldForSearch = (text: string): string => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

// Searchable tables, and the folded columns the GIN trigram indexes serve. Fixed here: never user input.
const searchable = {
  songs: ["title_search", "artist_names_search"],
  artists: ["name_search"],
} as const;

export type SearchableTable = keyof typeof searchable;

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
// a value sent as a parameter, in a fragment used more than once
const parameter = (value: string) => Prisma.sql`${value}`;

/** Rows with the term anywhere in a folded column (`pattern` is it as a LIKE pattern): what the trigram indexes serve. */
const matchWhere = (table: SearchableTable, pattern: Prisma.Sql) =>
  Prisma.join(
    searchable[table].map((c) => Prisma.sql`${Prisma.raw(`"${c}"`)} LIKE ${pattern}`),
    " OR ",
  );

/**
 * A column ranks by where the term stands in it: the whole text, then its start, then a word's start,
 * then anywhere; within each, shorter texts (closer to the term) first. A row ranks by its best
 * column. Plain string tests, cheap enough for every match of a broad term (trigram similarity cost
 * three times the search itself on the 7,000 songs "gold" matches).
 */
function matchRank(table: SearchableTable, term: Prisma.Sql) {
  const ranks = searchable[table].map((name) => {
    const c = Prisma.raw(`"${name}"`);
    return Prisma.sql`(CASE WHEN ${c} = ${term} THEN 0 WHEN starts_with(${c}, ${term}) THEN 1 WHEN strpos(${c}, ' ' || ${term}) > 0 THEN 2 WHEN strpos(${c}, ${term}) > 0 THEN 3 ELSE 4 END) * 1000 + LEAST(length(${c}), 999)`;
  });
  return ranks.length === 1 ? ranks[0]! : Prisma.sql`LEAST(${Prisma.join(ranks, ", ")})`;
}

/**
 * The rows of `table` matching a folded term, as a statement of their `id` and `rank` (lower is
 * better), to order by `rank, id` or to build on (the benchmark's hand-written twin of the API uses it).
 */
export const searchMatches = (table: SearchableTable, term: string) =>
  Prisma.sql`SELECT id, ${matchRank(table, parameter(term))} AS rank FROM ${Prisma.raw(`"${table}"`)} WHERE ${matchWhere(table, parameter(likePattern(term)))}`;

/**
 * A page of the ids of the rows matching a folded term, best matches first, then by id so that pages
 * are stable; with how many rows match in all, counted in the same scan (null when the page is past
 * the last match).
 */
export async function searchPage(detailed: DetailedClient, table: SearchableTable, term: string, page: { limit: number; offset: number }) {
  const rows = await detailed.$queryRaw<
    { id: string; total: bigint }[]
  >`SELECT id, count(*) OVER () AS total FROM (${searchMatches(table, term)}) AS matches ORDER BY rank, id LIMIT ${page.limit} OFFSET ${page.offset}`;
  const total = rows[0] ? Number(rows[0].total) : page.offset === 0 ? 0 : null;
  return { ids: rows.map((row) => row.id), total };
}

/** How many rows of `table` match a folded term. */
export async function countSearchMatches(detailed: DetailedClient, table: SearchableTable, term: string): Promise<number> {
  const [row] = await detailed.$queryRaw<
    { count: bigint }[]
  >`SELECT count(*) AS count FROM ${Prisma.raw(`"${table}"`)} WHERE ${matchWhere(table, parameter(likePattern(term)))}`;
  return Number(row?.count ?? 0);
}
