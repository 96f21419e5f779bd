// The SQL that generates the benchmark catalogue. Every value is a pure function of a row's index
// (a hash of it), so both databases can compute the same classes independently and reruns produce
// the same catalogue, on PostgreSQL and on PGlite alike.
import { foldForSearch, wordsSql } from "../src/db/search";
import { disciplineFor } from "../src/simulator/disciplines";
import { adjectives, firstNames, foreignTitles, lastNames, namedArtists, nouns, versions } from "../src/simulator/names";

export interface CatalogueScale {
  classes: number;
  instructors: number;
  /** distinct songs (capped at the number of playlist entries) */
  songs: number;
  artists: number;
  /** average playlist length; long classes get more songs, short ones fewer */
  songsPerClass: number;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A word list as two SQL arrays: as displayed, and folded as the `*_search` columns hold it. */
function words(list: readonly string[]) {
  return {
    display: `ARRAY[${list.map(literal).join(",")}]::text[]`,
    folded: `ARRAY[${list.map((word) => literal(foldForSearch(word))).join(",")}]::text[]`,
    length: list.length,
  };
}

/** A uniform number in [0, 1) drawn from `expr` (an integer) and a salt; PostgreSQL's own integer hash. */
const unit = (expr: string, salt: number) => `((hashint8extended((${expr})::int8, ${salt}) & 4294967295)::float8 / 4294967296.0)`;
/** An index into a list of `length` items, 1-based as SQL arrays are. */
const slot = (u: string, length: number) => `(1 + floor(${u} * ${length})::int)`;
const pick = (list: { display: string; length: number }, u: string) => `(${list.display})[${slot(u, list.length)}]`;

// Weights are shares of the catalogue; minutes repeat to weight the common lengths.
const disciplines = [
  { slug: "cycling", weight: 36, minutes: [5, 10, 15, 20, 20, 30, 30, 30, 30, 45, 45, 45, 60, 60, 75, 90] },
  { slug: "strength", weight: 18, minutes: [5, 10, 10, 10, 15, 20, 20, 30, 30, 45] },
  { slug: "running", weight: 12, minutes: [5, 10, 15, 20, 20, 30, 30, 45, 60, 75, 90] },
  { slug: "yoga", weight: 10, minutes: [5, 10, 15, 20, 20, 30, 30, 45, 60, 75, 90] },
  { slug: "stretching", weight: 6, minutes: [5, 5, 10, 10, 15, 20] },
  { slug: "meditation", weight: 5, minutes: [5, 5, 10, 10, 15, 20, 30] },
  { slug: "walking", weight: 5, minutes: [10, 20, 30, 30, 45, 60] },
  { slug: "bootcamp", weight: 4, minutes: [30, 45, 45, 60] },
  { slug: "cardio", weight: 4, minutes: [10, 15, 20, 20, 30] },
].map((discipline, index) => ({ ...discipline, titles: disciplineFor(discipline.slug, index).classTypes.flatMap((type) => type.titles) }));

export const disciplineSlugs = disciplines.map((discipline) => discipline.slug);
const disciplineSlots = words(disciplines.flatMap((discipline) => Array<string>(discipline.weight).fill(discipline.slug)));
const disciplineOf = (u: string) => pick(disciplineSlots, u);
const byDiscipline = (column: string, value: (discipline: (typeof disciplines)[number]) => string) =>
  `CASE ${column} ${disciplines.map((discipline) => `WHEN ${literal(discipline.slug)} THEN ${value(discipline)}`).join(" ")} END`;

// Invented words: syllables joined, a few accented, so that search has something to fold.
const syllables = [
  "ka",
  "lo",
  "mi",
  "ra",
  "ve",
  "no",
  "sa",
  "ti",
  "du",
  "ber",
  "mon",
  "zel",
  "ri",
  "an",
  "to",
  "la",
  "qui",
  "mar",
  "sol",
  "ne",
  "vi",
  "ko",
  "ren",
  "da",
  "lu",
  "fi",
  "jo",
  "ha",
  "pe",
  "ly",
  "cor",
  "ven",
  "dia",
  "xan",
  "té",
  "mö",
  "ña",
  "zé",
  "rå",
  "lé",
];
const syllableWords = { lower: words(syllables), capital: words(syllables.map((s) => s[0]!.toUpperCase() + s.slice(1))) };
// the simulator's words, and some more for a catalogue 50 times its size
const adjectiveWords = words([...adjectives, "Higher", "Sweet", "Better", "Last", "Young", "Free"]);
const nounWords = words([...nouns, "Love", "Night", "Heaven", "Rain", "Gold", "Feeling"]);
const bandNouns = words(["Comets", "Wolves", "Strangers", "Satellites", "Tigers", "Saints", "Echoes", "Rivals", "Ghosts", "Machines"]);
// in Latin script only, as the benchmark has always seeded them
const foreignTitleWords = words(foreignTitles.filter((title) => /^[\p{Script=Latin}\s]+$/u.test(title)));
const versionWords = words(versions);
const firsts = words(firstNames);
const lasts = words(lastNames);
const named = words(namedArtists);

/**
 * An invented word of two or three syllables drawn from `expr`: its displayed and folded forms.
 * Folding is per character, so the folded form of the joined syllables is the joined folded syllables.
 */
function inventedWord(expr: string, salt: number) {
  const s1 = slot(unit(expr, salt), syllables.length);
  const s2 = slot(unit(expr, salt + 1), syllables.length);
  const s3 = `CASE WHEN ${unit(expr, salt + 2)} < 0.6 THEN ${slot(unit(expr, salt + 3), syllables.length)} END`;
  const join = (first: string, rest: string) => `(${first})[${s1}] || (${rest})[${s2}] || coalesce((${rest})[${s3}], '')`;
  return {
    display: join(syllableWords.capital.display, syllableWords.lower.display),
    folded: join(syllableWords.capital.folded, syllableWords.lower.folded),
  };
}

/** A display string and its folded twin, built from the same draws. */
type Text = { display: string; folded: string };
const both = (fn: (form: "display" | "folded") => string): Text => ({ display: fn("display"), folded: fn("folded") });
const plain = (text: string): Text => ({ display: literal(text), folded: literal(foldForSearch(text)) });

const instructorFirst = (j: string) => `(${firsts.display})[1 + ((${j}) % ${firstNames.length})]`;
// (first, last) pairs are all different for the first firsts × lasts instructors (the two lengths' gcd is 1 with the +1)
const instructorLast = (j: string) => `(${lasts.display})[1 + (((${j}) / ${firstNames.length} + (${j})) % ${lastNames.length})]`;
const instructorDiscipline = (j: string) => disciplineOf(unit(j, 2));
export const instructorId = (j: string) => `md5('instructor:' || (${j}))`;
export const classId = (i: string) => `md5('class:' || (${i}))`;
export const songId = (s: string) => `md5('song:' || (${s}))`;
export const artistId = (a: string) => `md5('artist:' || (${a}))`;
export const albumId = (b: string) => `md5('album:' || (${b}))`;

export function instructorsInsert({ instructors }: CatalogueScale): string {
  return `
    INSERT INTO instructors (id, name, first_name, last_name, username, image_url, bio, fitness_disciplines, updated_at)
    SELECT ${instructorId("j")}, f || ' ' || l, f, l, 'instructor' || j,
           'https://images.example.com/instructors/' || j || '.jpg', 'Bio of ' || f || '.', ARRAY[${instructorDiscipline("j")}], now()
      FROM generate_series(0, ${instructors - 1}) AS g(j)
     CROSS JOIN LATERAL (SELECT ${instructorFirst("j")} AS f, ${instructorLast("j")} AS l) n`;
}

// Air dates from 2014 to late 2025, more classes in recent years (class index grows with air date).
const firstAir = Date.UTC(2014, 0, 1) / 1000;
const lastAir = Date.UTC(2025, 10, 1) / 1000;

/**
 * Every class with what both databases store about it, as a subquery. Columns: i, id, title,
 * instructor (index), instructor_id, instructor_name, discipline, duration, air_time, difficulty,
 * explicit, songs (playlist length; needs `songsPerSecond`, the scale's songs per class over the
 * mean duration, which `classDurationTotal` measures).
 */
export function classesQuery({ classes, instructors }: CatalogueScale, songsPerSecond = 0): string {
  const minutes = byDiscipline("d.discipline", (discipline) => `(ARRAY[${discipline.minutes.join(",")}])[${slot(unit("i", 5), discipline.minutes.length)}]`);
  const title = (form: "display" | "folded") =>
    byDiscipline("d.discipline", (discipline) => `(${words(discipline.titles)[form]})[${slot(unit("i", 6), discipline.titles.length)}]`);
  return `(
    SELECT i, ${classId("i")} AS id, m.minutes || ' min ' || t.title AS title, ${wordsSql("m.minutes || ' min ' || t.folded")} AS title_words, a.instructor,
           ${instructorId("a.instructor")} AS instructor_id,
           ${instructorFirst("a.instructor")} || ' ' || ${instructorLast("a.instructor")} AS instructor_name,
           d.discipline, m.minutes * 60 AS duration,
           to_timestamp(round((${firstAir} + ${lastAir - firstAir} * sqrt((i + ${unit("i", 7)}) / ${classes})) / 300) * 300) AS air_time,
           CASE WHEN ${unit("i", 8)} < 0.08 THEN NULL ELSE round((4 + 5 * ${unit("i", 9)})::numeric, 4)::float8 END AS difficulty,
           ${unit("i", 10)} < 0.25 AS explicit,
           greatest(1, round(m.minutes * 60 * ${songsPerSecond}::float8 * (0.8 + 0.4 * ${unit("i", 11)})))::int AS songs
      FROM generate_series(0, ${classes - 1}) AS g(i)
     CROSS JOIN LATERAL (SELECT floor(${instructors} * power(${unit("i", 1)}, 1.5))::int AS instructor) a
     CROSS JOIN LATERAL (SELECT CASE WHEN ${unit("i", 3)} < 0.88 THEN ${instructorDiscipline("a.instructor")} ELSE ${disciplineOf(unit("i", 4))} END AS discipline) d
     CROSS JOIN LATERAL (SELECT ${minutes} AS minutes) m
     CROSS JOIN LATERAL (SELECT ${title("display")} AS title, ${title("folded")} AS folded) t
  ) classes`;
}

/** The sum of the classes' durations: songsPerSecond = songsPerClass × classes / this. */
export const classDurationTotal = (scale: CatalogueScale) => `SELECT sum(duration)::float8 AS total FROM ${classesQuery(scale)}`;
export const playlistEntryTotal = (scale: CatalogueScale, songsPerSecond: number) =>
  `SELECT sum(songs)::int8 AS total FROM ${classesQuery(scale, songsPerSecond)}`;

export function detailedWorkoutsInsert(scale: CatalogueScale, songsPerSecond: number): string {
  return `
    INSERT INTO detailed_workouts (id, title, title_words, description, duration, length, image_url, instructor_id, fitness_discipline,
                                   scheduled_time, original_air_time, difficulty_rating_avg, is_explicit, full_details, updated_at)
    SELECT id, title, title_words, 'A ' || title || ' with ' || instructor_name || '.', duration, duration + 60,
           'https://images.example.com/classes/' || id || '.jpg', instructor_id, discipline, air_time, air_time, difficulty, explicit,
           jsonb_build_object('ride', jsonb_build_object('id', id, 'title', title, 'duration', duration, 'fitness_discipline', discipline,
                                                         'instructor_id', instructor_id, 'original_air_time', extract(epoch FROM air_time)::int8),
                              'playlist', jsonb_build_object('song_count', songs)),
           now()
      FROM ${classesQuery(scale, songsPerSecond)}`;
}

/** The workouts database's class list, every class processed (its details are in the detailed database). */
export function workoutsInsert(scale: CatalogueScale): string {
  return `
    INSERT INTO workouts (id, title, instructor_id, instructor_name, fitness_discipline, category, categories, duration,
                          length, difficulty, original_air_time, is_explicit, list_entry, processed, processed_at, details_attempts, first_seen_at, last_seen_at, updated_at)
    SELECT id, title, instructor_id, instructor_name, discipline, discipline, ARRAY[discipline], duration, duration + 60, difficulty, air_time, explicit,
           jsonb_build_object('id', id, 'title', title, 'fitness_discipline', discipline, 'duration', duration,
                              'original_air_time', extract(epoch FROM air_time)::int8),
           true, now(), 1, air_time, now(), now()
      FROM ${classesQuery(scale)}`;
}

export function syncCheckpointsInsert(): string {
  return `
    INSERT INTO sync_checkpoints (category, oldest_air_time_reached, walk_complete, full_pass_completed_at, updated_at)
    SELECT category, min(original_air_time), true, now(), now() FROM workouts GROUP BY category`;
}

export function ingestRunsInsert(classes: number): string {
  return `
    INSERT INTO ingest_runs (stage, status, options, owner, started_at, finished_at, heartbeat_at, seen, new, processed, failed, total)
    VALUES ('SYNC_WORKOUTS', 'SUCCEEDED', '{"categories":["all"],"full":true}', 'bench seed', now(), now(), now(), ${classes}, ${classes}, ${classes}, 0, ${classes}),
           ('PROCESS_DETAILS', 'SUCCEEDED', '{"batchSize":0,"concurrency":1}', 'bench seed', now(), now(), now(), ${classes}, 0, ${classes}, 0, ${classes})`;
}

/** Artists: the simulator's real names (accents, other scripts) first, the most played; invented ones after. */
export function artistsInsert({ artists }: CatalogueScale): string {
  const w1 = inventedWord("a", 21);
  const w2 = inventedWord("a", 25);
  const kind = unit("a", 29);
  const name = both(
    (form) => `CASE
      WHEN a < ${namedArtists.length} THEN (${named[form]})[a + 1]
      WHEN ${kind} < 0.35 THEN (${firsts[form]})[${slot(unit("a", 30), firstNames.length)}] || ' ' || ${w2[form]}
      WHEN ${kind} < 0.50 THEN ${plain("The ")[form]} || ${w1[form]} || 's'
      WHEN ${kind} < 0.60 THEN ${plain("DJ ")[form]} || ${w1[form]}
      WHEN ${kind} < 0.85 THEN ${w1[form]} || ' ' || ${w2[form]}
      ELSE ${w1[form]} || ${plain(" & The ")[form]} || (${bandNouns[form]})[${slot(unit("a", 31), bandNouns.length)}]
    END`,
  );
  return `
    INSERT INTO artists (id, name, name_search, name_words, image_url, updated_at)
    SELECT ${artistId("a")}, ${name.display}, ${name.folded}, ${wordsSql(name.folded)},
           CASE WHEN ${unit("a", 32)} < 0.9 THEN 'https://images.example.com/artists/' || a || '.jpg' END, now()
      FROM generate_series(0, ${artists - 1}) AS g(a)`;
}

/** Two albums per artist; a song's album is one of its first artist's. */
export function albumsInsert({ artists }: CatalogueScale): string {
  const name = `${pick(adjectiveWords, unit("b", 41))} || ' ' || ${pick(nounWords, unit("b", 42))} || CASE WHEN ${unit("b", 43)} < 0.15 THEN ' (Deluxe Edition)' ELSE '' END`;
  return `
    INSERT INTO albums (id, name, image_url)
    SELECT ${albumId("b")}, ${name}, 'https://images.example.com/albums/' || b || '.jpg'
      FROM generate_series(0, ${2 * artists - 1}) AS g(b)`;
}

/**
 * Each song's credits as a subquery over s (the song index): credits (1 to 3, mostly 1), first (the
 * first artist: every artist leads at least one song, popular artists many), step (the others are
 * first + k × step, all different).
 */
function creditsLateral({ artists }: CatalogueScale): string {
  const credits = `CASE WHEN ${unit("s", 51)} < 0.8 THEN 1 WHEN ${unit("s", 51)} < 0.96 THEN 2 ELSE 3 END`;
  const first = `CASE WHEN s < ${artists} THEN s ELSE floor(${artists} * power(${unit("s", 52)}, 1.8))::int END`;
  const step = `1 + floor(${unit("s", 53)} * ${Math.floor((artists - 1) / 2)})::int`;
  return `CROSS JOIN LATERAL (SELECT ${credits} AS credits, ${first} AS first, ${step} AS step) c`;
}

export function songsInsert(scale: CatalogueScale): string {
  const w = inventedWord("s", 61);
  const kind = unit("s", 65);
  const title = both(
    (form) => `CASE
      WHEN ${kind} < 0.40 THEN (${adjectiveWords[form]})[${slot(unit("s", 66), adjectiveWords.length)}] || ' ' || (${nounWords[form]})[${slot(unit("s", 67), nounWords.length)}]
      WHEN ${kind} < 0.60 THEN ${w[form]} || ' ' || (${nounWords[form]})[${slot(unit("s", 67), nounWords.length)}]
      WHEN ${kind} < 0.75 THEN (${foreignTitleWords[form]})[${slot(unit("s", 68), foreignTitleWords.length)}]
      WHEN ${kind} < 0.90 THEN ${w[form]}
      ELSE (${nounWords[form]})[${slot(unit("s", 67), nounWords.length)}]
    END || CASE WHEN ${unit("s", 69)} < 0.1 THEN (${versionWords[form]})[${slot(unit("s", 70), versionWords.length)}] ELSE '' END`,
  );
  return `
    INSERT INTO songs (id, title, artist_names, title_search, artist_names_search, title_words, album_id, image_url, explicit, updated_at)
    SELECT ${songId("s")}, ${title.display}, names.display, ${title.folded}, names.folded, ${wordsSql(title.folded)},
           CASE WHEN ${unit("s", 71)} < 0.95 THEN ${albumId(`2 * c.first + (${unit("s", 72)} < 0.5)::int`)} END,
           'https://images.example.com/songs/' || s || '.jpg', ${unit("s", 73)} < 0.12, now()
      FROM generate_series(0, ${scale.songs - 1}) AS g(s)
     ${creditsLateral(scale)}
     CROSS JOIN LATERAL (
       SELECT string_agg(ar.name, ', ' ORDER BY k) AS display, string_agg(ar.name_search, ', ' ORDER BY k) AS folded
         FROM generate_series(0, c.credits - 1) AS k
         JOIN artists ar ON ar.id = ${artistId(`(c.first + k * c.step) % ${scale.artists}`)}
     ) names`;
}

export function songArtistsInsert(scale: CatalogueScale): string {
  return `
    INSERT INTO song_artists (song_id, artist_id, position)
    SELECT ${songId("s")}, ${artistId(`(c.first + k * c.step) % ${scale.artists}`)}, k
      FROM generate_series(0, ${scale.songs - 1}) AS g(s)
     ${creditsLateral(scale)}
     CROSS JOIN LATERAL generate_series(0, c.credits - 1) AS k`;
}

/**
 * Playlists. Entry k (counted over all classes in air order) brings in a new song at an even pace
 * (`songs / entries` per entry), so every song is played and newer classes play newer songs; the
 * other entries replay one: a recent hit (45%), an old favourite, skewed towards the most
 * played (35%), or one to the instructor's taste (20%).
 */
export function playlistEntriesInsert(scale: CatalogueScale, songsPerSecond: number, entries: number): string {
  const rate = `${scale.songs / entries}::float8`;
  const introduced = `floor(k * ${rate})::int8`; // the songs brought in before entry k (+1 with its own)
  const available = `(${introduced} + 1)`;
  const song = `CASE
    WHEN k = 0 OR floor(k * ${rate}) > floor((k - 1) * ${rate}) THEN ${introduced}
    WHEN ${unit("k", 81)} < 0.45 THEN ${available} - 1 - floor(least(${available}, 3000) * power(${unit("k", 82)}, 2))::int8
    WHEN ${unit("k", 81)} < 0.80 THEN floor(${available} * power(${unit("k", 83)}, 2))::int8
    ELSE (floor(${unit("cl.instructor", 84)} * ${available})::int8 + floor(least(${available}, 20000) * power(${unit("k", 85)}, 2))::int8) % ${available}
  END`;
  return `
    INSERT INTO playlist_entries (workout_id, position, song_id, start_offset_seconds, cue_time_offset)
    SELECT e.id, e.p, ${songId("e.song")}, e.start_offset, e.start_offset
      FROM (
        SELECT cl.id, cl.instructor, p, round(p * cl.duration::float8 / cl.songs)::int AS start_offset, ${song} AS song
          FROM (SELECT id, instructor, duration, songs, sum(songs) OVER (ORDER BY i) - songs AS first_entry FROM ${classesQuery(scale, songsPerSecond)}) cl
         CROSS JOIN LATERAL generate_series(0, cl.songs - 1) AS p
         CROSS JOIN LATERAL (SELECT cl.first_entry + p AS k) n
      ) e`;
}
