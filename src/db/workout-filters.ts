// Which classes a workouts filter keeps, as Prisma's where (a workouts page that asks for playlists, the
// songs that matched) and as SQL (the workouts page and its count, workout-page.ts, and the facets, which
// group by expressions Prisma cannot): both written here, criterion by criterion, and held to one answer
// by test/schema/workout-facets.test.ts and test/schema/workout-pages.test.ts.
import { type DetailedClient, sqlReaderOf } from ".";
import { Prisma } from "./generated/detailed/client";

/**
 * A workouts filter, checked and in the database's terms (src/schema/workout-filter.ts reads it from
 * the GraphQL input). Every criterion present must hold; a list holds when any of its values does, so
 * an empty list holds for no class.
 */
export interface WorkoutCriteria {
  instructorIds?: string[];
  disciplines?: string[];
  /** nominal durations, in seconds */
  durations?: number[];
  minDuration?: number;
  maxDuration?: number;
  /** years of the original air time, in UTC */
  airYears?: number[];
  airedAfter?: Date;
  airedBefore?: Date;
  explicit?: boolean;
  minDifficulty?: number;
  maxDifficulty?: number;
  /** a title holding these whole words (wordsOf's form: " pop ride ") */
  titleWords?: string;
  /** a song credited to an artist whose name holds these whole words */
  artistWords?: string;
  /** a song whose title holds these whole words */
  songWords?: string;
  /** a song credited to one of these artists */
  artistIds?: string[];
  songIds?: string[];
}

/** The facets, each with the criterion its values choose: a facet counts the classes matching every other criterion. */
export const facetCriteria = {
  disciplines: "disciplines",
  instructors: "instructorIds",
  durations: "durations",
  explicit: "explicit",
  airYears: "airYears",
} as const satisfies Record<string, keyof WorkoutCriteria>;

export type Facet = keyof typeof facetCriteria;

/** The criteria about the songs a class plays: each holds when one of its playlist entries does. */
const musicCriteria = ["artistWords", "songWords", "artistIds", "songIds"] as const;

const present = <K extends keyof WorkoutCriteria>(criteria: WorkoutCriteria, key: K): criteria is WorkoutCriteria & Required<Pick<WorkoutCriteria, K>> =>
  criteria[key] !== undefined;

const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1));

/** Whether the filter asks anything about the songs played: then a class can say which of its songs matched. */
export const asksForMusic = (criteria: WorkoutCriteria) => musicCriteria.some((key) => present(criteria, key));

/** Each music criterion as a condition on one playlist entry. */
function entryConditions(criteria: WorkoutCriteria): Prisma.PlaylistEntryWhereInput[] {
  const { artistWords, songWords, artistIds, songIds } = criteria;
  return [
    ...(artistWords !== undefined ? [{ song: { artists: { some: { artist: { nameWords: { contains: artistWords } } } } } }] : []),
    ...(songWords !== undefined ? [{ song: { titleWords: { contains: songWords } } }] : []),
    ...(artistIds !== undefined ? [{ song: { artists: { some: { artistId: { in: artistIds } } } } }] : []),
    ...(songIds !== undefined ? [{ songId: { in: songIds } }] : []),
  ];
}

/** The classes matching every criterion, as Prisma's where. (The words hold no LIKE wildcard: wordsOf removes % and _.) */
export function workoutWhere(criteria: WorkoutCriteria): Prisma.DetailedWorkoutWhereInput {
  const c = criteria;
  const range = <T>(min: T | undefined, max: T | undefined) => ({ gte: min, lte: max });
  const conditions: Prisma.DetailedWorkoutWhereInput[] = [
    ...(present(c, "instructorIds") ? [{ instructorId: { in: c.instructorIds } }] : []),
    ...(present(c, "disciplines") ? [{ fitnessDiscipline: { in: c.disciplines } }] : []),
    ...(present(c, "durations") ? [{ durationSeconds: { in: c.durations } }] : []),
    ...(c.minDuration !== undefined || c.maxDuration !== undefined ? [{ durationSeconds: range(c.minDuration, c.maxDuration) }] : []),
    ...(present(c, "airYears") ? [{ OR: c.airYears.map((year) => ({ originalAirTime: { gte: yearStart(year), lt: yearStart(year + 1) } })) }] : []),
    ...(c.airedAfter !== undefined || c.airedBefore !== undefined ? [{ originalAirTime: { gt: c.airedAfter, lt: c.airedBefore } }] : []),
    ...(present(c, "explicit") ? [{ explicit: c.explicit }] : []),
    ...(c.minDifficulty !== undefined || c.maxDifficulty !== undefined ? [{ difficultyRatingAvg: range(c.minDifficulty, c.maxDifficulty) }] : []),
    ...(present(c, "titleWords") ? [{ titleWords: { contains: c.titleWords } }] : []),
    ...entryConditions(c).map((entry) => ({ playlist: { some: entry } })),
  ];
  return conditions.length === 0 ? {} : { AND: conditions };
}

/** The entries of these classes' playlists matching any music criterion (none without one). */
export function matchingEntriesWhere(criteria: WorkoutCriteria, workoutIds: string[]): Prisma.PlaylistEntryWhereInput {
  return { workoutId: { in: workoutIds }, OR: entryConditions(criteria) };
}

const wholeWords = (words: string) => `%${words}%`;

/**
 * workoutWhere as SQL over `detailed_workouts w`, criterion by criterion (true when none). Lists stay
 * `= ANY($n)` even of one value, unlike the lookups (matchesIds): PostgreSQL then plans each filtered
 * page for its values, and a plan for the values halved the database's CPU of the benchmark's filtered
 * page against the one plan for any values that `= $n` lets it keep.
 */
export function workoutSql(criteria: WorkoutCriteria): Prisma.Sql {
  const c = criteria;
  const entry = (condition: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM playlist_entries pe WHERE pe.workout_id = w.id AND ${condition})`;
  const conditions: Prisma.Sql[] = [
    ...(present(c, "instructorIds") ? [Prisma.sql`w.instructor_id = ANY(${c.instructorIds}::text[])`] : []),
    ...(present(c, "disciplines") ? [Prisma.sql`w.fitness_discipline = ANY(${c.disciplines}::text[])`] : []),
    ...(present(c, "durations") ? [Prisma.sql`w.duration = ANY(${c.durations}::int[])`] : []),
    ...(c.minDuration !== undefined ? [Prisma.sql`w.duration >= ${c.minDuration}`] : []),
    ...(c.maxDuration !== undefined ? [Prisma.sql`w.duration <= ${c.maxDuration}`] : []),
    ...(present(c, "airYears") ? [Prisma.sql`${airYear} = ANY(${c.airYears}::int[])`] : []),
    ...(c.airedAfter !== undefined ? [Prisma.sql`w.original_air_time > ${c.airedAfter}`] : []),
    ...(c.airedBefore !== undefined ? [Prisma.sql`w.original_air_time < ${c.airedBefore}`] : []),
    ...(present(c, "explicit") ? [Prisma.sql`w.is_explicit = ${c.explicit}`] : []),
    ...(c.minDifficulty !== undefined ? [Prisma.sql`w.difficulty_rating_avg >= ${c.minDifficulty}`] : []),
    ...(c.maxDifficulty !== undefined ? [Prisma.sql`w.difficulty_rating_avg <= ${c.maxDifficulty}`] : []),
    ...(present(c, "titleWords") ? [Prisma.sql`w.title_words LIKE ${wholeWords(c.titleWords)}`] : []),
    ...(present(c, "artistWords")
      ? [
          entry(
            Prisma.sql`pe.song_id IN (SELECT sa.song_id FROM song_artists sa JOIN artists a ON a.id = sa.artist_id WHERE a.name_words LIKE ${wholeWords(c.artistWords)})`,
          ),
        ]
      : []),
    ...(present(c, "songWords") ? [entry(Prisma.sql`pe.song_id IN (SELECT s.id FROM songs s WHERE s.title_words LIKE ${wholeWords(c.songWords)})`)] : []),
    ...(present(c, "artistIds")
      ? [entry(Prisma.sql`pe.song_id IN (SELECT sa.song_id FROM song_artists sa WHERE sa.artist_id = ANY(${c.artistIds}::text[]))`)]
      : []),
    ...(present(c, "songIds") ? [entry(Prisma.sql`pe.song_id = ANY(${c.songIds}::text[])`)] : []),
  ];
  return conditions.length === 0 ? Prisma.sql`true` : Prisma.join(conditions, " AND ");
}

const airYear = Prisma.sql`extract(year FROM w.original_air_time AT TIME ZONE 'UTC')::int`;

/** Each facet's value column in the facets' statement; a class without one is not counted in that facet. */
const facetValues: Record<Facet, Prisma.Sql> = {
  disciplines: Prisma.sql`w.fitness_discipline`,
  instructors: Prisma.sql`w.instructor_id`,
  durations: Prisma.sql`w.duration`,
  explicit: Prisma.sql`w.is_explicit`,
  airYears: airYear,
};

export interface FacetCount {
  facet: Facet | "total";
  /** the value as text (a duration's seconds, "true", a year); null for the total */
  value: string | null;
  count: number;
}

const without = (criteria: WorkoutCriteria, key: keyof WorkoutCriteria): WorkoutCriteria => {
  const { [key]: _left, ...others } = criteria;
  return others;
};

/**
 * One statement counting the classes matching `criteria` (the total) and, for each facet asked, the
 * classes of each of its values matching every criterion but the facet's own: the classes matching
 * every other criterion are read once, each with whether it meets each facet's own criterion, and
 * grouped by each facet's value at once (grouping sets), each facet's count keeping the classes that
 * meet the other facets' criteria. (A CTE scanned once a facet took half as long again.) OFFSET 0
 * keeps the classes a subquery of its own, whose groups the planner guesses few: over the table, it
 * guessed a group of years per class and sorted 50,000 classes on disk rather than hash a dozen years.
 */
export function facetsStatement(criteria: WorkoutCriteria, facets: readonly Facet[]): Prisma.Sql {
  const all = Object.keys(facetCriteria) as Facet[];
  const column = (prefix: string, facet: Facet) => Prisma.raw(`${prefix}_${facet.toLowerCase()}`);
  const others = all.map((facet) => facetCriteria[facet]).reduce(without, criteria);
  const holds = (facet: Facet) => {
    const key = facetCriteria[facet];
    return present(criteria, key) ? workoutSql({ [key]: criteria[key] }) : Prisma.sql`true`;
  };
  const keptByAll = (but?: Facet) =>
    Prisma.join(
      all.filter((facet) => facet !== but).map((facet) => column("meets", facet)),
      " AND ",
    );
  const grouped = (facet: Facet) => Prisma.sql`GROUPING(${column("value", facet)}) = 0`;
  // a facet's expression in its rows, the total's in its row
  const cases = (then: (facet: Facet) => Prisma.Sql, total: Prisma.Sql) =>
    facets.length === 0
      ? total
      : Prisma.sql`CASE ${Prisma.join(
          facets.map((facet) => Prisma.sql`WHEN ${grouped(facet)} THEN ${then(facet)}`),
          " ",
        )} ELSE ${total} END`;
  const list = (items: Prisma.Sql[]) => Prisma.join(items, ", ");
  return Prisma.sql`
    SELECT facet, value, count FROM (
      SELECT ${cases((facet) => Prisma.sql`${facet}`, Prisma.sql`'total'`)} AS facet,
             ${cases((facet) => Prisma.sql`${column("value", facet)}::text`, Prisma.sql`NULL::text`)} AS value,
             ${cases((facet) => Prisma.sql`count(*) FILTER (WHERE ${keptByAll(facet)})`, Prisma.sql`count(*) FILTER (WHERE ${keptByAll()})`)} AS count
        FROM (SELECT ${list(all.map((facet) => Prisma.sql`${facetValues[facet]} AS ${column("value", facet)}`))},
                     ${list(all.map((facet) => Prisma.sql`${holds(facet)} AS ${column("meets", facet)}`))}
                FROM detailed_workouts w
               WHERE ${workoutSql(others)}
              OFFSET 0) classes
       GROUP BY GROUPING SETS (${list([Prisma.sql`()`, ...facets.map((facet) => Prisma.sql`(${column("value", facet)})`)])})) counts
     WHERE facet = 'total' OR (value IS NOT NULL AND count > 0)`;
}

/** The total and each asked facet's counts (facetsStatement). */
export async function facetCounts(detailed: DetailedClient, criteria: WorkoutCriteria, facets: readonly Facet[]) {
  const rows = await sqlReaderOf(detailed)<{ facet: Facet | "total"; value: string | null; count: number | string }>(facetsStatement(criteria, facets));
  return rows.map((row): FacetCount => ({ facet: row.facet, value: row.value, count: Number(row.count) }));
}

/** Which words column a whole-word filter reads: the credited artists' names, the songs' titles, or the classes' titles. */
export type WordsFilter = "artist" | "song" | "title";

/**
 * How many rows a whole-word filter reaches, counted up to `limit`: the songs of the music filters
 * (songs credited to a matching artist, or songs with a matching title), the classes of the title
 * filter. What a statement applying the filter to every class costs depends on it
 * (src/query-limits.ts). All are read through the words columns' trigram indexes.
 */
export async function wordsReached(detailed: DetailedClient, filter: WordsFilter, words: string, limit: number): Promise<number> {
  const pattern = wholeWords(words);
  const matching = {
    artist: Prisma.sql`SELECT 1 FROM artists a JOIN song_artists sa ON sa.artist_id = a.id WHERE a.name_words LIKE ${pattern} LIMIT ${limit}`,
    song: Prisma.sql`SELECT 1 FROM songs s WHERE s.title_words LIKE ${pattern} LIMIT ${limit}`,
    title: Prisma.sql`SELECT 1 FROM detailed_workouts w WHERE w.title_words LIKE ${pattern} LIMIT ${limit}`,
  }[filter];
  const [row] = await sqlReaderOf(detailed)<{ count: number }>(Prisma.sql`SELECT count(*)::int AS count FROM (${matching}) reached`);
  return Number(row?.count ?? 0);
}
