// What PostGraphile needs in the benchmark's detailed database to answer every item of the mix: a
// song search ranked as the API ranks it, and an instructor's top artists, as SQL functions in a
// schema of their own (exposed beside public). The search's body is the API's own page statement
// (searchPageStatement), so that the three sides rank alike.
import { searchPageStatement } from "../src/db/search";

export const peerSchema = "postgraphile_peer";

/** Every combining mark (\p{M}, what foldForSearch removes) as ranges of a PostgreSQL bracket expression. */
function combiningMarks(): string {
  const ranges: [number, number][] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (!/\p{M}/u.test(String.fromCodePoint(code))) continue;
    const last = ranges.at(-1);
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  const codeEscape = (code: number) => (code > 0xffff ? `\\U${code.toString(16).padStart(8, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
  return `[${ranges.map(([from, to]) => (from === to ? codeEscape(from) : `${codeEscape(from)}-${codeEscape(to)}`)).join("")}]`;
}

// stands for the search term in the page statement, to be replaced by the function's folded argument
const TERM = "\u0000term\u0000";

/**
 * The API's first page of a song search (20 rows) as a statement of the PL/pgSQL function below:
 * searchPageStatement's text, its term and LIKE pattern read from the function's variables and its
 * numbers written in.
 */
function songSearchBody(): string {
  const statement = searchPageStatement("songs", TERM, { limit: 20, backward: false });
  return statement.text.replace(/\$(\d+)/g, (_, n: string) => {
    const value: unknown = statement.values[Number(n) - 1];
    if (value === TERM) return "folded_term";
    if (value === `%${TERM}%`) return "like_pattern";
    if (typeof value === "number" && Number.isInteger(value)) return String(value);
    throw new Error(`the search page statement has a parameter the peer's function cannot stand in for: ${String(value)}`);
  });
}

/**
 * The schema, rebuilt from scratch in one transaction (so that a run always finds the functions this
 * code defines, whatever an earlier one left). Smart comments tell PostGraphile how the results relate
 * to the tables.
 */
export function peerSchemaSql(): string {
  const s = peerSchema;
  return `
    BEGIN;
    DROP SCHEMA IF EXISTS ${s} CASCADE;
    CREATE SCHEMA ${s};

    -- foldForSearch (src/db/search.ts): trimmed, compatibility-decomposed, without combining marks, lower case
    CREATE FUNCTION ${s}.fold_for_search(input text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(regexp_replace(normalize(btrim(input, E' \\t\\n\\r\\f\\v'), NFKD), '${combiningMarks()}', '', 'g')) $$;
    COMMENT ON FUNCTION ${s}.fold_for_search(text) IS '@behavior -queryField';

    CREATE TYPE ${s}.song_match AS (song_id text, plays int, total int);
    COMMENT ON TYPE ${s}.song_match IS E'@name song_match\\n@foreignKey (song_id) references public.songs (id)';

    -- a page of 20 songs matching the search, best first, as the API ranks them; each row carries how many match in all
    CREATE FUNCTION ${s}.search_songs(search text) RETURNS SETOF ${s}.song_match LANGUAGE plpgsql STABLE STRICT AS $fn$
    DECLARE
      folded_term text := ${s}.fold_for_search(search);
      -- likePattern: the term anywhere, its LIKE wildcards escaped
      like_pattern text := '%' || replace(replace(replace(folded_term, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%';
    BEGIN
      RETURN QUERY SELECT page.id, page.plays::int, page.total::int FROM (${songSearchBody()}) page
        WHERE page.id IS NOT NULL ORDER BY page.rank, page.plays DESC, page.name, page.id;
    END
    $fn$;
    COMMENT ON FUNCTION ${s}.search_songs(text) IS '@name search_songs';

    CREATE TYPE ${s}.artist_plays AS (artist_id text, plays int);
    COMMENT ON TYPE ${s}.artist_plays IS E'@name artist_plays\\n@foreignKey (artist_id) references public.artists (id)';

    -- an instructor's most played artists (as the API's Instructor.topArtists): plays over every class they taught
    CREATE FUNCTION ${s}.instructors_top_artists(instructor public.instructors, top int) RETURNS SETOF ${s}.artist_plays
      LANGUAGE sql STABLE STRICT AS $$
        SELECT sa.artist_id, count(*)::int AS plays
          FROM public.detailed_workouts w
          JOIN public.playlist_entries pe ON pe.workout_id = w.id
          JOIN public.song_artists sa ON sa.song_id = pe.song_id
         WHERE w.instructor_id = instructor.id
         GROUP BY sa.artist_id
         ORDER BY plays DESC, sa.artist_id
         LIMIT top
      $$;
    COMMIT;`;
}
