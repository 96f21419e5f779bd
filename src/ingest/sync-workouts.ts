import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { WorkoutsClient } from "../db";
import type { Prisma } from "../db/generated/workouts/client";
import type { ArchivedPage, RideListEntry } from "../peloton/schemas";
import type { IngestDeps } from "./deps";
import { type IngestRun, type RunHandle, claimRun, executeRun } from "./runs";

export interface SyncOptions {
  /** browse categories to sync (default ["cycling"]); "all" means every category Peloton lists */
  categories?: string[];
  /** walk every page, not only until classes already known */
  full?: boolean;
  /** stop after this many pages per category (the next sync resumes past them) */
  maxPages?: number;
  /** keep each raw page as JSON in this folder (DATA_DIR/workouts_list) */
  savePagesDir?: string;
}

const PAGE_SIZE = 50;

/**
 * Stage 1: pages through each category's class list, newest first, into the workouts database.
 * Incremental: a category's walk stops at the first page with nothing new, unless the previous walk
 * was cut short, in which case it first gets past where that one stopped. `full` walks every page.
 * A walk that reaches the end of the list marks the category's classes it did not see unavailable.
 */
export async function syncWorkouts(deps: IngestDeps, options: SyncOptions = {}): Promise<IngestRun> {
  const run = await claimRun(deps, "SYNC_WORKOUTS", options);
  return executeRun(deps, run, async () => {
    const requested = options.categories?.length ? options.categories : ["cycling"];
    const categories = requested.includes("all") ? (await deps.peloton.browseCategories()).map((c) => c.slug) : requested;
    const counts = { seen: 0, new: 0, processed: 0, failed: 0, total: 0 };
    for (const category of categories) {
      if (deps.signal?.aborted) break;
      await syncCategory(deps, run, category, options, counts);
    }
  });
}

async function syncCategory(
  deps: IngestDeps,
  run: RunHandle,
  category: string,
  options: SyncOptions,
  counts: { seen: number; new: number; processed: number; failed: number; total: number },
) {
  const { workouts, peloton, logger, signal } = deps;
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
    const listing = await peloton.archivedRides({ category, page, limit: PAGE_SIZE });
    if (options.savePagesDir) await savePage(options.savePagesDir, category, page, listing);
    const added = await upsertPage(workouts, category, listing);
    if (pages === null) {
      pages = listing.page_count;
      counts.total += listing.total; // the classes of the categories reached so far
    }
    counts.seen += listing.data.length;
    counts.new += added;
    counts.processed += listing.data.length;
    await run.update(counts);
    deps.onProgress?.({ stage: "SYNC_WORKOUTS", runId: run.id, ...counts, done: page + 1, total: pages, label: category });

    const oldest = listing.data.at(-1) ? airTime(listing.data.at(-1)!) : null;
    const frontier = oldest && boundary && boundary < oldest ? boundary : (oldest ?? boundary);
    const endOfList = !listing.show_next || listing.data.length === 0;
    const caughtUp = !options.full && added === 0 && (!boundary || (oldest !== null && oldest < boundary));
    await workouts.syncCheckpoint.upsert({
      where: { category },
      create: { category, oldestAirTimeReached: frontier, walkComplete: endOfList || caughtUp, fullPassCompletedAt: endOfList ? new Date() : null },
      update: { oldestAirTimeReached: frontier, walkComplete: endOfList || caughtUp, ...(endOfList ? { fullPassCompletedAt: new Date() } : {}) },
    });
    if (endOfList) {
      const { count } = await workouts.workout.updateMany({
        where: { category, available: true, lastSeenAt: { lt: walkStarted } },
        data: { available: false },
      });
      if (count) logger.info({ category, count }, "marked classes no longer listed as unavailable");
      return;
    }
    if (caughtUp) return;
  }
}

/** Writes one page of the list: new classes inserted, known ones refreshed. Returns how many were new. */
async function upsertPage(workouts: WorkoutsClient, category: string, listing: ArchivedPage): Promise<number> {
  if (listing.data.length === 0) return 0;
  const instructorNames = new Map((listing.instructors ?? []).map((i) => [i.id, i.name]));
  const rows = listing.data.map((ride) => workoutRow(ride, category, instructorNames));
  const known = new Set(
    (await workouts.workout.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: { id: true } })).map((w) => w.id),
  );
  const fresh = rows.filter((row) => !known.has(row.id));
  await workouts.$transaction([
    workouts.workout.createMany({ data: fresh, skipDuplicates: true }),
    ...rows.filter((row) => known.has(row.id)).map(({ id, ...data }) => workouts.workout.update({ where: { id }, data })),
  ]);
  return fresh.length;
}

const airTime = (ride: RideListEntry) => new Date(ride.original_air_time * 1000);

function workoutRow(ride: RideListEntry, category: string, instructorNames: Map<string, string>) {
  return {
    id: ride.id,
    title: ride.title,
    instructorId: ride.instructor_id ?? null,
    instructorName: (ride.instructor_id && instructorNames.get(ride.instructor_id)) || null,
    discipline: ride.fitness_discipline,
    category,
    durationSeconds: ride.duration,
    length: ride.length ?? null,
    difficulty: ride.difficulty_rating_avg ?? null,
    originalAirTime: airTime(ride),
    explicit: ride.is_explicit ?? false,
    available: true,
    listEntry: ride as Prisma.InputJsonObject, // parsed from JSON, so JSON it is
    lastSeenAt: new Date(),
  };
}

async function savePage(dir: string, category: string, page: number, listing: ArchivedPage) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${category}_page_${String(page).padStart(4, "0")}.json`), JSON.stringify(listing, null, 2));
}
