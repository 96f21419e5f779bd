import { type DetailedClient, sqlReaderOf } from ".";
import { Prisma } from "./generated/detailed/client";

/** Text folded the way search compares it: lower case, accents removed ("Beyoncé" → "beyonce"). */
export const foldForSearch = (text: string): string => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The punctuation whole-word matching ignores: removed, not made a space, so that "AC/DC" and "ACDC",
 * "Guns N' Roses" and "Guns N Roses" meet. The migration that added the words columns filled them
 * removing these same characters (test/db/words.test.ts holds the two to one list).
 */
export const IGNORED_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~‘’‚‛“”„‟‐‑‒–—―…·•′″¡¿«»";
const ignoredPunctuation = new RegExp(`[${[...IGNORED_PUNCTUATION].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join("")}]`, "gu");

/**
 * Folded text as the whole-word filters compare it: folded (foldForSearch), without the ignored
 * punctuation, whitespace runs made one space, between single spaces (" acdc back in black "), so that
 * a term's words match whole as LIKE '% term %'.
 */
export const wordsOf = (folded: string): string =>
  ` ${folded
    .replace(ignoredPunctuation, "")
    .replace(/[ \t\n\r\f\v]+/g, " ")
    .replace(/^ +| +$/g, "")} `;

// the marks as a SQL string, its semicolon as chr(59): tools that split a migration into statements at
// each semicolon (Prisma's schema engine shim) would cut the literal
const punctuationSql = `'${IGNORED_PUNCTUATION.replaceAll("'", "''").replace(";", "' || chr(59) || '")}'`;

/**
 * wordsOf as a SQL expression over folded text (`folded`, SQL text): what the migration filled the
 * words columns with, and what the benchmark's seed writes.
 */
export const wordsSql = (folded: string): string =>
  `' ' || btrim(regexp_replace(translate(${folded}, ${punctuationSql}, ''), '[ \\t\\n\\r\\f\\v]+', ' ', 'g'), ' ') || ' '`;

/**
 * foldForSearch as a SQL expression over text (`text`, SQL text), for rows stored before a folded
 * column existed (ingestion writes foldForSearch's when it next saves them). It removes the marks of
 * these blocks (combining accents, kana voicing, variation selectors), where foldForSearch removes
 * every mark of any script, and it lowers as the database's lower() does: a Greek final sigma
 * becomes σ, not ς, and where the database's LC_CTYPE is C, letters outside ASCII keep their case.
 * test/db/words.test.ts holds the two to one list, and to the one difference.
 */
export const foldSql = (text: string): string =>
  `lower(regexp_replace(normalize(${text}, NFKD), '[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe00-\\ufe0f\\ufe20-\\ufe2f\\u3099-\\u309a]', '', 'g'))`;

/** Text as the words columns hold it: wordsOf(foldForSearch(text)). */
export const wordsForSearch = (text: string): string => wordsOf(foldForSearch(text));

/** A song's columns that search and the song filter match, from its title and credits ("Artist A, Artist B"). */
export const songSearchColumns = (title: string, artistNames: string) => ({
  titleSearch: foldForSearch(title),
  artistNamesSearch: foldForSearch(artistNames),
  titleWords: wordsForSearch(title),
});

/** A class's column that the title filter matches, from its title. */
export const workoutSearchColumns = (title: string) => ({ titleWords: wordsForSearch(title) });

/** An artist's columns that search and the artist filter match, from its name. */
export const artistSearchColumns = (name: string) => ({ nameSearch: foldForSearch(name), nameWords: wordsForSearch(name) });

/**
 * Searchable tables: the folded columns the GIN trigram indexes serve, the column a row is named by
 * (its tie-break after popularity), and its plays (the API's playCount: how many times classes play
 * it): counted over the playlist entries (the play_count column ingestion keeps holds the same
 * number), and those of the classes stored since a time. Fixed here: never user input.
 */
const searchable = {
  songs: {
    columns: ["title_search", "artist_names_search"],
    name: "title",
    counted: (id: Prisma.Sql) => Prisma.sql`SELECT count(*) AS plays FROM playlist_entries pe WHERE pe.song_id = ${id}`,
    playsSince: (since: Prisma.Sql) =>
      Prisma.sql`SELECT pe.song_id AS id, count(*) AS plays FROM detailed_workouts w JOIN playlist_entries pe ON pe.workout_id = w.id
                  WHERE w.created_at > ${since} GROUP BY pe.song_id`,
  },
  artists: {
    columns: ["name_search"],
    name: "name",
    counted: (id: Prisma.Sql) =>
      Prisma.sql`SELECT count(*) AS plays FROM song_artists sa JOIN playlist_entries pe ON pe.song_id = sa.song_id WHERE sa.artist_id = ${id}`,
    playsSince: (since: Prisma.Sql) =>
      Prisma.sql`SELECT sa.artist_id AS id, count(*) AS plays FROM detailed_workouts w JOIN playlist_entries pe ON pe.workout_id = w.id
                   JOIN song_artists sa ON sa.song_id = pe.song_id WHERE w.created_at > ${since} GROUP BY sa.artist_id`,
  },
} as const;

export type SearchableTable = keyof typeof searchable;

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
// a value sent as a parameter, in a fragment used more than once
const parameter = (value: string) => Prisma.sql`${value}`;

/** Rows with the term anywhere in a folded column (`pattern` is it as a LIKE pattern): what the trigram indexes serve. */
const matchWhere = (table: SearchableTable, pattern: Prisma.Sql) =>
  Prisma.join(
    searchable[table].columns.map((c) => Prisma.sql`${Prisma.raw(`"${c}"`)} LIKE ${pattern}`),
    " OR ",
  );

/**
 * A column ranks by where the term stands in it: the whole text, then its start, then a word's start,
 * then anywhere; within each, shorter texts (closer to the term) first. A row ranks by its best
 * column. Plain string tests, cheap enough for every match of a broad term (trigram similarity cost
 * three times the search itself on the 7,000 songs "gold" matches).
 */
function matchRank(table: SearchableTable, term: Prisma.Sql) {
  const ranks = searchable[table].columns.map((name) => {
    const c = Prisma.raw(`"${name}"`);
    return Prisma.sql`(CASE WHEN ${c} = ${term} THEN 0 WHEN starts_with(${c}, ${term}) THEN 1 WHEN strpos(${c}, ' ' || ${term}) > 0 THEN 2 WHEN strpos(${c}, ${term}) > 0 THEN 3 ELSE 4 END) * 1000 + LEAST(length(${c}), 999)`;
  });
  return ranks.length === 1 ? ranks[0]! : Prisma.sql`LEAST(${Prisma.join(ranks, ", ")})`;
}

/**
 * The rows of `table` matching a folded term, as a statement of their `id`, `rank` (lower is better),
 * `name` and `stored_plays` (the play_count column, or null where the plays are counted).
 */
const searchMatches = (table: SearchableTable, term: string, plays: PlaysSource) =>
  Prisma.sql`SELECT id, ${matchRank(table, parameter(term))} AS rank, ${Prisma.raw(`"${searchable[table].name}"`)} AS name,
                    ${plays === "stored" ? Prisma.sql`play_count` : Prisma.sql`NULL::int`} AS stored_plays
               FROM ${Prisma.raw(`"${table}"`)} WHERE ${matchWhere(table, parameter(likePattern(term)))}`;

/**
 * Where a search reads a row's plays: the play_count column ingestion keeps (the API), or counted
 * over the playlist entries (the naive aggregate, which the benchmark's raw-SQL twin reads). The same
 * number either way.
 */
export type PlaysSource = "stored" | "counted";

/**
 * Where a row stands in a search: best rank first, then the most played, then by name (a song's
 * title, an artist's name), then by id. A total order, and a keyset: the page after a position holds
 * the rows past it, wherever rows were added meanwhile.
 */
export interface SearchPosition {
  rank: number;
  plays: number;
  name: string;
  id: string;
}

export interface SearchPageRequest {
  /** the page holds rows strictly after this position, and strictly before `before` */
  after?: SearchPosition;
  before?: SearchPosition;
  /** how many rows: the first of that window, or its last (`backward`, answered last first) */
  limit: number;
  backward: boolean;
  /**
   * When the search's first page was read (milliseconds since 1970, by the clock of the process that
   * read it, which is the clock that dates stored classes): plays are counted without the classes
   * stored since, so that a class added between two pages moves no row across the cursor. Left out
   * for a first page, which counts them all.
   */
  asOf?: number;
  /** where the plays are read (default counted) */
  plays?: PlaysSource;
}

// ranks are between 0 and 4999: these stand for "no bound"
const BEFORE_ANY_RANK = -1;
const PAST_ANY_RANK = 2_147_483_647;

/**
 * One statement answering a page of a search: a row per match in the page (`id`, `rank`, `plays`,
 * `name`, in the page's order), each with `total` (how many rows match in all); a single row with a
 * null id when the page is empty. Counted plays are counted only for the rows that can be in the
 * page: those of the ranks the page reaches (a broad term matches thousands of artists, and counting
 * every one's plays took ten times the search). They are counted in a LATERAL aggregate, once a row:
 * a scalar subquery was counted again in each expression using it.
 */
export function searchPageStatement(table: SearchableTable, term: string, page: SearchPageRequest): Prisma.Sql {
  const { after, before, backward } = page;
  const limit = Math.max(page.limit, 1);
  const from = after?.rank ?? BEFORE_ANY_RANK;
  const to = before?.rank ?? PAST_ANY_RANK;
  // the ranks the page reaches: its cursor's own (rows there are past it or not by their plays), then
  // every rank up to the one holding the limit-th row past that rank
  const bound = backward
    ? Prisma.sql`SELECT rank FROM matches WHERE rank < ${to} AND rank >= ${from} ORDER BY rank DESC LIMIT 1 OFFSET ${limit - 1}`
    : Prisma.sql`SELECT rank FROM matches WHERE rank > ${from} AND rank <= ${to} ORDER BY rank LIMIT 1 OFFSET ${limit - 1}`;
  const candidates = backward
    ? Prisma.sql`SELECT * FROM matches WHERE rank = ${to} OR (rank < ${to} AND rank >= coalesce((SELECT rank FROM bound), ${from}))`
    : Prisma.sql`SELECT * FROM matches WHERE rank = ${from} OR (rank > ${from} AND rank <= coalesce((SELECT rank FROM bound), ${to}))`;
  const since = page.asOf === undefined ? null : Prisma.sql`to_timestamp(0) + ${page.asOf}::int8 * interval '1 millisecond'`;
  const stored = page.plays === "stored";
  const live = stored ? Prisma.sql`c.stored_plays` : Prisma.sql`live.plays`;
  const plays = since ? Prisma.sql`(${live} - coalesce(s.plays, 0))` : live;
  const key = Prisma.sql`(c.rank, -${plays}, c.name, c.id)`;
  const positionKey = ({ rank, plays, name, id }: SearchPosition) => Prisma.sql`(${rank}::int, -(${plays}::int8), ${name}::text, ${id}::text)`;
  const window = [...(after ? [Prisma.sql`${key} > ${positionKey(after)}`] : []), ...(before ? [Prisma.sql`${key} < ${positionKey(before)}`] : [])];
  const source = searchable[table];
  return Prisma.sql`
    WITH matches AS MATERIALIZED (${searchMatches(table, term, stored ? "stored" : "counted")}),
         ${since ? Prisma.sql`stored_since AS MATERIALIZED (${source.playsSince(since)}),` : Prisma.empty}
         bound AS (${bound}),
         candidates AS (${candidates})
    SELECT t.total, page.*
      FROM (SELECT count(*) AS total FROM matches) t
      LEFT JOIN LATERAL (
        SELECT c.id, c.rank, ${plays} AS plays, c.name FROM candidates c
         ${stored ? Prisma.empty : Prisma.sql`CROSS JOIN LATERAL (${source.counted(Prisma.sql`c.id`)}) live`}
         ${since ? Prisma.sql`LEFT JOIN stored_since s ON s.id = c.id` : Prisma.empty}
         ${window.length > 0 ? Prisma.sql`WHERE ${Prisma.join(window, " AND ")}` : Prisma.empty}
         ORDER BY ${backward ? Prisma.sql`c.rank DESC, ${plays}, c.name DESC, c.id DESC` : Prisma.sql`c.rank, ${plays} DESC, c.name, c.id`}
         LIMIT ${limit}
      ) page ON true`;
}

/**
 * A page of the rows matching a folded term (searchPageStatement, plays as stored), with how many match
 * in all; and with each row's `row`, when given the SQL of a row by its id (`p.id`: plainRowSql), read
 * in the same statement.
 */
export async function searchPage<Row = never>(detailed: DetailedClient, table: SearchableTable, term: string, page: SearchPageRequest, rowSql?: Prisma.Sql) {
  const statement = searchPageStatement(table, term, { ...page, plays: page.plays ?? "stored" });
  const order = page.backward ? Prisma.sql`p.rank DESC, p.plays, p.name DESC, p.id DESC` : Prisma.sql`p.rank, p.plays DESC, p.name, p.id`;
  const rows = await sqlReaderOf(detailed)<{ total: number | string; id: string | null; rank: number; plays: number | string; name: string; row?: Row }>(
    rowSql ? Prisma.sql`SELECT p.*, ${rowSql} AS row FROM (${statement}) p ORDER BY ${order}` : statement,
  );
  return {
    rows: rows.flatMap(({ id, rank, plays, name, row }): (SearchPosition & { row?: Row })[] =>
      id === null ? [] : [{ id, rank, plays: Number(plays), name, ...(row === undefined ? {} : { row }) }],
    ),
    total: Number(rows[0]?.total ?? 0),
  };
}

/** How many rows of `table` match a folded term. */
export async function countSearchMatches(detailed: DetailedClient, table: SearchableTable, term: string): Promise<number> {
  const [row] = await sqlReaderOf(detailed)<{ count: number }>(
    Prisma.sql`SELECT count(*)::int AS count FROM ${Prisma.raw(`"${table}"`)} WHERE ${matchWhere(table, parameter(likePattern(term)))}`,
  );
  return Number(row?.count ?? 0);
}
