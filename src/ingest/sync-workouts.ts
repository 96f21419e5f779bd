import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { bumpCatalogueVersion } from "../catalogue-version";
import type { WorkoutsClient } from "../db";
import type { Prisma } from "../db/generated/workouts/client";
import type { Logger } from "../log";
import { MalformedResponseError } from "../peloton/errors";
import type { ArchivedPage, RideListEntry } from "../peloton/schemas";
import { fileIn, safeFileName } from "../safe-file-name";
import type { IngestDeps } from "./deps";
import type { RunCounts, RunHandle } from "./runs";
import { askBeforeRun, defineStage, option, runHeadline, runStage, StageOptionsError, wholeNumber } from "./stage";
import { MAX_INDEXED_TEXT, said, storable, storableJson } from "./storable";

const PAGE_SIZE = 50;

/**
 * What a sync run counts. Categories overlap (bootcamp lists the bike_bootcamp classes too), so each
 * counts classes, not listings: a class on several categories' pages counts once.
 * - seen = processed: the classes on the pages fetched, written to the catalogue
 * - new: the classes new to the catalogue
 * - total: the classes the synced categories list, as Peloton counts each category, less those that
 *   an earlier category of the run lists too (as far as the catalogue knows); null if Peloton sent none
 */
interface RunState {
  counts: RunCounts;
  /** the classes seen so far in this run */
  seenIds: Set<string>;
  /** the categories walked so far in this run */
  walked: string[];
}

const syncOptions = z.strictObject({
  categories: option(
    z
      .array(
        z
          .string()
          .trim()
          .regex(/^[a-z0-9_-]{1,64}$/i, "must be a category slug such as cycling, or all"),
      )
      .min(1)
      .max(50)
      .default(["cycling"]),
    {
      name: "category",
      description: 'browse categories to sync, such as cycling; "all" syncs every category Peloton lists',
    },
  ),
  full: option(z.boolean().default(false), {
    description: "walk every page, not only down to the classes already known; a walk to the end of the list marks the classes no longer listed unavailable",
  }),
  maxPages: option(wholeNumber({ min: 1 }).optional(), {
    description: "stop after this many pages per category; the next sync resumes past them",
    defaultText: "no limit",
  }),
  savePages: option(z.boolean().default(false), { description: "also keep each page as JSON in DATA_DIR/workouts_list/", only: "cli" }),
});
export type SyncOptions = z.input<typeof syncOptions>;

/**
 * Stage 1: pages through each category's class list, newest first, into the workouts database.
 * A class keeps every category that lists it. Incremental: a category's walk stops at the first page
 * with nothing new to that category (no new class, no known class newly listed under it), unless the
 * previous walk was cut short, in which case it first gets past where that one stopped. `full` walks
 * every page. A walk that reaches the end of the list takes the category out of the classes it did not
 * see; a class left with no category is marked unavailable.
 */
export const syncWorkoutsStage = defineStage({
  name: "SYNC_WORKOUTS",
  command: "sync",
  title: "Sync",
  description:
    "Lists Peloton's classes, newest first, into the workouts database. A sync stops at the first page with nothing new " +
    "(after getting past where an interrupted sync stopped); a full sync walks every page.",
  step: { one: "page", many: "pages" },
  options: syncOptions,
  check: knownCategories,
  demo: { categories: ["all"] },
  async work(deps, run, options, known) {
    const categories = options.categories.includes("all") ? (known ?? (await deps.peloton.browseCategories()).map((c) => c.slug)) : options.categories;
    const savePagesDir = options.savePages ? pagesDir(deps) : undefined;
    const state: RunState = { counts: { seen: 0, new: 0, processed: 0, failed: 0, total: 0 }, seenIds: new Set(), walked: [] };
    for (const category of new Set(categories)) {
      if (deps.signal?.aborted) break;
      await syncCategory(deps, run, category, { ...options, savePagesDir }, state);
      state.walked.push(category);
    }
  },
  counts: (progress) => `${progress.seen} classes seen, ${progress.new} new`,
  summary(run) {
    const listed = run.total === null ? "" : ` of ${run.total} listed`;
    const lines = [`${runHeadline("Sync", run)}: ${run.seen} classes seen${listed}, ${run.new} new.`];
    if (run.error) lines.push(`Error: ${run.error}`);
    if (run.status !== "SUCCEEDED") lines.push("The next sync resumes where this one stopped.");
    return lines.join("\n");
  },
});

export const syncWorkouts = (deps: IngestDeps, options?: SyncOptions) => runStage(syncWorkoutsStage, deps, options);

/**
 * The categories Peloton lists, once it is asked (which also needs a session: a missing login fails
 * here, before a run is recorded); a requested one it does not list is a mistake. Peloton failing to
 * answer is left to the run, which records it.
 */
async function knownCategories(deps: IngestDeps, { categories }: z.output<typeof syncOptions>): Promise<string[] | undefined> {
  const answer = await askBeforeRun(deps, deps.peloton.browseCategories(), "Peloton's browse categories");
  if (!answer) return undefined;
  const listed = answer.map((category) => category.slug);
  const unknown = categories.filter((category) => category !== "all" && !listed.includes(category));
  if (unknown.length) {
    throw new StageOptionsError([
      { option: "category", message: `Peloton lists no ${unknown.map((c) => `"${c}"`).join(", ")}; its categories are ${listed.join(", ")}, or all` },
    ]);
  }
  return listed;
}

function pagesDir({ dataDir }: IngestDeps): string {
  if (!dataDir) throw new Error("saving pages needs the data directory (deps.dataDir)");
  return path.join(dataDir, "workouts_list");
}

async function syncCategory(
  deps: IngestDeps,
  run: RunHandle,
  category: string,
  options: { full: boolean; maxPages?: number; savePagesDir?: string },
  state: RunState,
) {
  const { workouts, peloton, logger, signal } = deps;
  const { counts } = state;
  const walkStarted = new Date();
  const checkpoint = await workouts.syncCheckpoint.findUnique({ where: { category } });
  // the previous walk stopped early: classes below where it got to may still be missing
  const boundary = checkpoint && !checkpoint.walkComplete ? checkpoint.oldestAirTimeReached : null;
  let pages: number | null = null;
  for (let page = 0; ; page++) {
    if (signal?.aborted) return;
    if (options.maxPages !== undefined && page >= options.maxPages) {
      logger.info({ category, pages: page }, "stopped at --max-pages; the next sync resumes past this point");
      return;
    }
    const listing = await peloton.archivedRides({ category, page, limit: PAGE_SIZE }).catch((error: unknown) => {
      if (!(error instanceof MalformedResponseError)) throw error;
      throw new MalformedResponseError(
        `${error.message}. The sync stopped at page ${page} of ${category}; the classes before it are stored and the next sync resumes here. ` +
          "If it fails the same way again, Peloton has changed its class list: please report it with the answer kept above.",
      );
    });
    if (options.savePagesDir) await savePage(options.savePagesDir, category, page, listing);
    if (page === 0) {
      pages = listing.pageCount;
      counts.total =
        counts.total === null || listing.total === null ? null : counts.total + listing.total - (await knownOverlap(workouts, category, state.walked));
    }
    const written = await upsertPage(workouts, category, listing, logger);
    if (written.shownChanged) await bumpCatalogueVersion(deps.detailed);
    for (const { index, id, problem } of listing.rejected) {
      logger.warn({ category, page, entry: index, class: id, problem, keptIn: listing.keptIn }, "left out a class list entry that cannot be read");
    }
    counts.failed += listing.rejected.length;
    const added = written.created.length + written.joined.length; // new to this category
    // classes an earlier category of this run brought in, found listed here too: already in the total
    const overlapFound = written.joined.filter((id) => state.seenIds.has(id)).length;
    if (counts.total !== null) counts.total -= overlapFound;
    for (const ride of listing.data) state.seenIds.add(ride.id);
    counts.seen = counts.processed = state.seenIds.size;
    counts.new += written.created.length;
    await run.update(counts);
    deps.onProgress?.({ stage: "SYNC_WORKOUTS", runId: run.id, ...counts, done: page + 1, total: pages, label: category });

    const oldest = oldestAirTime(listing.data);
    const frontier = oldest && boundary && boundary < oldest ? boundary : (oldest ?? boundary);
    const endOfList = !listing.hasNext;
    // a page none of whose entries could be read says nothing about being caught up
    const caughtUp = !options.full && added === 0 && listing.data.length > 0 && (!boundary || (oldest !== null && oldest < boundary));
    await workouts.syncCheckpoint.upsert({
      where: { category },
      create: { category, oldestAirTimeReached: frontier, walkComplete: endOfList || caughtUp, fullPassCompletedAt: endOfList ? new Date() : null },
      update: { oldestAirTimeReached: frontier, walkComplete: endOfList || caughtUp, ...(endOfList ? { fullPassCompletedAt: new Date() } : {}) },
    });
    if (endOfList) {
      // only Peloton's word that the list ends may take the category from the classes not seen
      if (listing.endSaid && (await dropUnlisted(workouts, category, walkStarted, logger))) await bumpCatalogueVersion(deps.detailed);
      else logger.info({ category, page }, "the list ended without Peloton saying so; classes it did not list keep the category");
      return;
    }
    if (caughtUp) return;
  }
}

/** How many classes the catalogue has under this category and under one walked before it in this run. */
async function knownOverlap(workouts: WorkoutsClient, category: string, walked: string[]): Promise<number> {
  if (walked.length === 0) return 0;
  return workouts.workout.count({ where: { AND: [{ categories: { has: category } }, { categories: { hasSome: walked } }] } });
}

/**
 * After a complete walk: the classes of the category that the walk did not see are no longer listed
 * under it. Walks run one at a time (one sync run at once, its categories in turn), so a class this
 * walk saw is one whose lastSeenAt is past the walk's start. A class left with no category is
 * unavailable; one another category still lists stays available. Answers whether a class was marked
 * unavailable (which the API shows).
 */
async function dropUnlisted(workouts: WorkoutsClient, category: string, walkStarted: Date, logger: Logger): Promise<boolean> {
  const dropped = await workouts.$queryRaw<{ available: boolean }[]>`
    UPDATE workouts
       SET categories = array_remove(categories, ${category}::text),
           available = available AND cardinality(array_remove(categories, ${category}::text)) > 0,
           updated_at = now()
     WHERE categories @> ARRAY[${category}::text] AND last_seen_at < ${walkStarted}::timestamptz
    RETURNING available`;
  if (dropped.length === 0) return false;
  const unavailable = dropped.filter((row) => !row.available).length;
  logger.info({ category, count: dropped.length, unavailable }, "classes no longer listed under the category; those listed nowhere else marked unavailable");
  return unavailable > 0;
}

/**
 * Writes one page of the list: new classes inserted, known ones refreshed and given this category if
 * they lacked it (nothing relabels them). Answers the ids of the classes new to the catalogue (created)
 * and of the known ones newly listed under this category (joined), and whether the page changed what
 * the API shows of the class list (shownChanged: a class new to it, or one listed again after being
 * marked unavailable).
 */
async function upsertPage(workouts: WorkoutsClient, category: string, listing: ArchivedPage, logger: Logger) {
  if (listing.data.length === 0) return { created: [], joined: [], shownChanged: false };
  const instructorNames = new Map(listing.instructors.map((i) => [i.id, i.name]));
  // a class twice on one page (the list shifted under Peloton) is written once
  const rows = [...new Map(listing.data.map((ride) => [ride.id, workoutRow(ride, category, instructorNames, logger)])).values()];
  const known = new Map(
    (await workouts.workout.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: { id: true, categories: true, available: true } })).map(
      (w) => [w.id, w],
    ),
  );
  const created = rows.filter((row) => !known.has(row.id)).map((row) => row.id);
  const joined = rows.filter((row) => known.get(row.id)?.categories.includes(category) === false).map((row) => row.id);
  const joining = new Set(joined);
  await workouts.$transaction([
    workouts.workout.createMany({ data: rows.filter((row) => !known.has(row.id)), skipDuplicates: true }),
    ...rows
      .filter((row) => known.has(row.id))
      .map(({ id, category: _first, categories: _all, ...data }) =>
        // what this entry leaves out keeps what the details or an earlier entry said
        workouts.workout.update({ where: { id }, data: { ...said(data), ...(joining.has(id) ? { categories: { push: category } } : {}) } }),
      ),
  ]);
  return { created, joined, shownChanged: created.length > 0 || rows.some((row) => known.get(row.id)?.available === false) };
}

function oldestAirTime(rides: RideListEntry[]): Date | null {
  const ride = rides.findLast((entry) => entry.original_air_time !== null);
  return ride ? storable().time(ride.original_air_time, "original_air_time") : null;
}

/** A class list entry as its workouts row, listed under `category` (what `npm run import-legacy` also makes of a ride the original scripts kept). */
export function workoutRow(ride: ArchivedPage["data"][number], category: string, instructorNames: Map<string, string>, logger: Logger) {
  const store = storable();
  const row = {
    id: ride.id,
    title: store.text(ride.title, "title", MAX_INDEXED_TEXT),
    instructorId: ride.instructor_id,
    instructorName: (ride.instructor_id && instructorNames.get(ride.instructor_id)) || null,
    discipline: store.text(ride.fitness_discipline, "fitness_discipline", MAX_INDEXED_TEXT),
    category,
    categories: [category],
    durationSeconds: store.int(ride.duration, "duration"),
    length: store.int(ride.length, "length"),
    difficulty: ride.difficulty_rating_avg,
    originalAirTime: store.time(ride.original_air_time, "original_air_time"),
    explicit: ride.is_explicit ?? false,
    available: true,
    listEntry: storableJson(ride.raw) as Prisma.InputJsonObject, // the entry as Peloton sent it
    lastSeenAt: new Date(),
  };
  if (store.warnings.length) logger.warn({ class: ride.id, warnings: store.warnings }, "list entry values our columns cannot hold were changed");
  return row;
}

// the category slug comes from Peloton (with --category all): it names the file only once made safe
async function savePage(dir: string, category: string, page: number, listing: ArchivedPage) {
  await mkdir(dir, { recursive: true });
  await writeFile(fileIn(dir, `${safeFileName(category)}_page_${String(page).padStart(4, "0")}.json`), JSON.stringify(listing.raw, null, 2));
}
