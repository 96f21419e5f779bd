// npm run bench:seed: fills throwaway databases with a catalogue of a chosen size, in set-based SQL.
import { performance } from "node:perf_hooks";
import { parseOptions, readCommandLine, wholeNumber } from "../src/cli/args";
import type { DatabaseConfig } from "../src/config";
import { type Databases, openDatabases } from "../src/db";
import { playCountDrift, recountPlays } from "../src/db/play-counts";
import { foldForSearch, wordsForSearch } from "../src/db/search";
import type { CatalogueScale } from "./catalogue-sql";
import * as sql from "./catalogue-sql";
import { type Backend, defaultTargetOptions, parseBackend, recreateBenchDatabases } from "./databases";

export type { CatalogueScale };

/** The catalogue: every Peloton discipline, about 50,000 classes and 750,000 playlist entries. */
export const defaultScale: CatalogueScale = { classes: 50_000, instructors: 400, songs: 200_000, artists: 50_000, songsPerClass: 15 };

/** The default catalogue's proportions at another number of classes. */
export function scaleFor(classes: number): CatalogueScale {
  const ratio = classes / defaultScale.classes;
  return {
    classes,
    instructors: Math.max(10, Math.round(defaultScale.instructors * ratio)),
    songs: Math.max(50, Math.round(defaultScale.songs * ratio)),
    artists: Math.max(30, Math.round(defaultScale.artists * ratio)),
    songsPerClass: defaultScale.songsPerClass,
  };
}

export interface SeedReport {
  backend: Backend;
  /** the scale asked for, with songs and artists capped at what the playlists can hold */
  scale: CatalogueScale;
  seconds: number;
  steps: Record<string, number>;
  rows: Record<string, number>;
}

const tables = {
  workouts: ["workouts", "sync_checkpoints", "ingest_runs"],
  detailed: ["instructors", "detailed_workouts", "albums", "artists", "songs", "song_artists", "playlist_entries", "instructor_artist_plays"],
} as const;

/**
 * Fills both (empty) databases with a generated catalogue of `scale`: migrated through
 * openDatabases, written with INSERT … SELECT over generate_series, then vacuumed and analysed.
 * The folded search columns hold what ingestion writes (checked against foldForSearch), and the play
 * counts what it keeps (counted from the playlists, checked against the aggregates).
 */
export async function seedCatalogue(target: DatabaseConfig, scale: CatalogueScale, log: (line: string) => void = () => undefined): Promise<SeedReport> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    const result = await work();
    steps[name] = seconds(performance.now() - at);
    log(`  ${name.padEnd(22)} ${steps[name]!.toFixed(1).padStart(6)} s`);
    return result;
  };
  const databases = await step("open and migrate", () => openDatabases(target));
  try {
    await requireEmpty(databases);
    const { detailed, workouts } = databases;
    const first = async (query: string) => Number(Object.values((await detailed.$queryRawUnsafe<Record<string, unknown>[]>(query))[0]!)[0]);

    // Playlist lengths follow class lengths; scale them so that the mean is songsPerClass.
    const songsPerSecond = (scale.songsPerClass * scale.classes) / (await first(sql.classDurationTotal(scale)));
    const entries = await first(sql.playlistEntryTotal(scale, songsPerSecond));
    const songs = Math.min(scale.songs, entries);
    const sized: CatalogueScale = { ...scale, songs, artists: Math.max(3, Math.min(scale.artists, songs)) };

    const fillDetailed = async () => {
      await step("instructors", () => detailed.$executeRawUnsafe(sql.instructorsInsert(sized)));
      await step("detailed_workouts", () => detailed.$executeRawUnsafe(sql.detailedWorkoutsInsert(sized, songsPerSecond)));
      await step("artists", () => detailed.$executeRawUnsafe(sql.artistsInsert(sized)));
      await step("albums", () => detailed.$executeRawUnsafe(sql.albumsInsert(sized)));
      await step("songs", () => detailed.$executeRawUnsafe(sql.songsInsert(sized)));
      await step("song_artists", () => detailed.$executeRawUnsafe(sql.songArtistsInsert(sized)));
      await step("playlist_entries", () => detailed.$executeRawUnsafe(sql.playlistEntriesInsert(sized, songsPerSecond, entries)));
      await step("play counts", () => recountPlays(detailed));
      await step("vacuum analyze detailed", () => detailed.$executeRawUnsafe("VACUUM ANALYZE"));
    };
    const fillWorkouts = async () => {
      await step("workouts", () => workouts.$executeRawUnsafe(sql.workoutsInsert(sized)));
      await workouts.$executeRawUnsafe(sql.syncCheckpointsInsert());
      await workouts.$executeRawUnsafe(sql.ingestRunsInsert(sized.classes));
      await step("vacuum analyze workouts", () => workouts.$executeRawUnsafe("VACUUM ANALYZE"));
    };
    // two databases: in parallel on a PostgreSQL server; one after the other on PGlite, which runs on this thread
    if (target.kind === "postgres") await Promise.all([fillDetailed(), fillWorkouts()]);
    else await fillDetailed().then(fillWorkouts);
    await checkFolding(databases);
    await step("check play counts", () => checkPlayCounts(databases));
    return { backend: target.kind, scale: sized, seconds: seconds(performance.now() - started), steps, rows: await countRows(databases) };
  } finally {
    await databases.close();
  }
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

async function requireEmpty({ detailed, workouts }: Databases) {
  const [songs, classes] = await Promise.all([detailed.song.count(), workouts.workout.count()]);
  if (songs > 0 || classes > 0) throw new Error("The databases to seed already hold a catalogue: seed empty (freshly created) databases.");
}

/** The folded and words columns must hold exactly what foldForSearch and wordsForSearch make of the text, as ingestion writes them. */
async function checkFolding({ detailed }: Databases) {
  const pairs = [
    ["songs", "title", "title_search", "title_words"],
    ["songs", "artist_names", "artist_names_search", null],
    ["artists", "name", "name_search", "name_words"],
  ] as const;
  for (const [table, text, folded, words] of pairs) {
    // a sample, and rows with anything beyond printable ASCII (accents, other scripts)
    const wordsColumn = words ?? "NULL";
    const rows = await detailed.$queryRawUnsafe<{ text: string; folded: string; words: string | null }[]>(
      `(SELECT ${text} AS text, ${folded} AS folded, ${wordsColumn} AS words FROM ${table} ORDER BY id LIMIT 3000)
       UNION ALL (SELECT ${text}, ${folded}, ${wordsColumn} FROM ${table} WHERE ${text} ~ '[^ -~]' LIMIT 3000)`,
    );
    const wrong = rows.find((row) => foldForSearch(row.text) !== row.folded);
    if (wrong) throw new Error(`${table}.${folded} differs from foldForSearch(${text}): ${JSON.stringify(wrong)}`);
    const wrongWords = words && rows.find((row) => wordsForSearch(row.text) !== row.words);
    if (wrongWords) throw new Error(`${table}.${words} differs from wordsForSearch(${text}): ${JSON.stringify(wrongWords)}`);
  }
}

/** The play counts must be the aggregates over the playlists, as ingestion keeps them. */
async function checkPlayCounts({ detailed }: Databases) {
  const drift = await playCountDrift(detailed, 5);
  if (drift.length) throw new Error(`The play counts differ from the playlists' aggregates: ${JSON.stringify(drift)}`);
}

async function countRows({ detailed, workouts }: Databases): Promise<Record<string, number>> {
  const count = async (client: { $queryRawUnsafe<T>(query: string): Promise<T> }, table: string) =>
    [table, Number((await client.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n)] as const;
  return Object.fromEntries(
    await Promise.all([...tables.workouts.map((table) => count(workouts, table)), ...tables.detailed.map((table) => count(detailed, table))]),
  );
}

export function printSeedReport(report: SeedReport) {
  const rows = Object.entries(report.rows).map(([table, n]) => `  ${table.padEnd(22)} ${n.toLocaleString("en-US").padStart(10)}`);
  process.stdout.write(`Seeded the ${report.backend} databases in ${report.seconds.toFixed(1)} s:\n${rows.join("\n")}\n`);
}

const usage = `npm run bench:seed -- [options]
Recreates the benchmark's databases and fills them with a generated catalogue.

  --classes N         classes (default ${defaultScale.classes}; songs, artists and instructors scale with it)
  --backend B         postgres (default) or embedded
  --postgres-url URL  the server to create peloton_bench_workouts and peloton_bench_detailed on
                      (default $BENCH_POSTGRES_URL or ${defaultTargetOptions.postgresUrl})
  --data-dir DIR      the embedded databases' directory (default ./data-bench)
`;

async function main() {
  const options = readCommandLine(usage, () => {
    const values = parseOptions(process.argv.slice(2), {
      classes: { type: "string" },
      backend: { type: "string", default: "postgres" },
      "postgres-url": { type: "string", default: defaultTargetOptions.postgresUrl },
      "data-dir": { type: "string", default: defaultTargetOptions.dataDir },
      help: { type: "boolean" },
    });
    if (values.help) return "help";
    return {
      scale: values.classes ? scaleFor(wholeNumber("classes", values.classes, 1)) : defaultScale,
      backend: parseBackend(values.backend),
      target: { postgresUrl: values["postgres-url"], dataDir: values["data-dir"] },
    };
  });
  if (!options) return;
  const target = await recreateBenchDatabases(options.backend, options.target);
  process.stdout.write(`Seeding ${options.scale.classes.toLocaleString("en-US")} classes into the ${options.backend} benchmark databases…\n`);
  printSeedReport(await seedCatalogue(target, options.scale, (line) => process.stdout.write(`${line}\n`)));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
