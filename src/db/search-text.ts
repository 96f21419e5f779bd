/** Text folded the way search compares it: lower case, accents removed ("Beyoncé" → "beyonce"). */
export const foldForSearch = (text: string): string => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

// Searchable tables, and the folded columns the GIN trigram indexes serve. Fixed here: never user input.
const searchable = {
  songs: ["title_search", "artist_names_search"],
  artists: ["name_search"],
} as const;

export type SearchableTable = keyof typeof searchable;

export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The SQL that finds and ranks the rows of `table` matching a term: `where` holds for rows with the
 * term anywhere in a folded column (served by the trigram indexes), `rank` orders them best first.
 * $1 is the term as a LIKE pattern (likePattern), $2 the term itself.
 *
 * A column ranks by where the term stands in it: the whole text, then its start, then a word's start,
 * then anywhere; within each, shorter texts (closer to the term) first. A row ranks by its best
 * column. Plain string tests, cheap enough for every match of a broad term (trigram similarity cost
 * three times the search itself on the 7,000 songs "gold" matches).
 */
export function searchSql(table: SearchableTable) {
  const columns = searchable[table];
  const rank = (c: string) =>
    `(CASE WHEN "${c}" = $2 THEN 0 WHEN starts_with("${c}", $2) THEN 1 WHEN strpos("${c}", ' ' || $2) > 0 THEN 2 WHEN strpos("${c}", $2) > 0 THEN 3 ELSE 4 END) * 1000 + LEAST(length("${c}"), 999)`;
  return {
    where: columns.map((c) => `"${c}" LIKE $1`).join(" OR "),
    rank: columns.length === 1 ? rank(columns[0]!) : `LEAST(${columns.map(rank).join(", ")})`,
  };
}
