import { isRefusedData } from "../db/errors";
import { MalformedResponseError } from "../peloton/errors";
import { instructorSchema, parseResponse, type RideDetails, rideDetailsSchema, rideSchema } from "../peloton/schemas";
import type { IngestDeps } from "./deps";
import type { LegacyClass, LegacyDatabases } from "./legacy-source";
import { oneLine, storeClassDetails } from "./process-details";
import { MAX_INDEXED_TEXT, storable } from "./storable";
import { workoutRow } from "./sync-workouts";

// The original scripts' data into the catalogue without asking Peloton anything: each class's kept
// details answer (`full_details`) is read as the Peloton client reads one and stored as a details run
// stores one. A class whose answer is missing or unusable is left pending, for `npm run details`.

export type ImportLegacyDeps = Pick<IngestDeps, "workouts" | "detailed" | "logger" | "signal">;

export interface ImportProgress {
  /** classes gone through, of total */
  done: number;
  total: number;
  imported: number;
  already: number;
  pending: number;
}

/** A class left for `npm run details`, with why its kept details could not be used. */
export interface PendingClass {
  id: string;
  title: string;
  reason: string;
}

export interface ImportSummary {
  /** the classes the legacy tables hold */
  total: number;
  imported: number;
  /** the songs of the imported classes' playlists */
  songs: number;
  /** songs and artists the catalogue did not have before */
  newSongs: number;
  newArtists: number;
  /** classes the catalogue had processed already: left as they are */
  already: number;
  pending: PendingClass[];
  /** stopped (deps.signal) before the last class: a new import continues */
  stopped: boolean;
}

const PAGE_SIZE = 100;

/**
 * Imports every class of the legacy databases into the catalogue, in id order, a page of about 100
 * classes at a time. Idempotent: a class the catalogue has processed is skipped, a pending class's row is
 * created only when absent, and no row of the catalogue is overwritten but by storing a class's details
 * (as a details run would). Aborting deps.signal stops after the class in flight.
 */
export async function importLegacy(deps: ImportLegacyDeps, legacy: LegacyDatabases, onProgress?: (progress: ImportProgress) => void): Promise<ImportSummary> {
  const { workouts, detailed, signal } = deps;
  const total = await legacy.countClasses();
  const before = await catalogueSize(detailed);
  const summary: ImportSummary = { total, imported: 0, songs: 0, newSongs: 0, newArtists: 0, already: 0, pending: [], stopped: false };
  let done = 0;
  let after: string | undefined;
  pages: for (let page = await legacy.classesAfter(after, PAGE_SIZE); page.length > 0; page = await legacy.classesAfter(after, PAGE_SIZE)) {
    after = page.at(-1)!.id;
    const known = new Map(
      (
        await workouts.workout.findMany({
          where: { id: { in: page.map((found) => found.id) } },
          select: { id: true, title: true, processed: true, instructorId: true },
        })
      ).map((row) => [row.id, row]),
    );
    for (const found of page) {
      if (signal?.aborted) break pages;
      const target = known.get(found.id);
      if (!isClassId(found.id)) summary.pending.push({ id: found.id, title: legacyTitle(found), reason: "not a Peloton class id; left out (no row written)" });
      else if (target?.processed) summary.already++;
      else {
        const outcome = await importClass(deps, legacy, found, target);
        if ("songs" in outcome) {
          summary.imported++;
          summary.songs += outcome.songs;
        } else summary.pending.push(outcome);
      }
      done++;
      onProgress?.({ done, total, imported: summary.imported, already: summary.already, pending: summary.pending.length });
    }
  }
  summary.stopped = done < total && Boolean(signal?.aborted);
  const now = await catalogueSize(detailed);
  return { ...summary, newSongs: now.songs - before.songs, newArtists: now.artists - before.artists };
}

const catalogueSize = async (detailed: ImportLegacyDeps["detailed"]) => ({ songs: await detailed.song.count(), artists: await detailed.artist.count() });

type TargetRow = { title: string; instructorId: string | null };

/**
 * Whether the scripts' id is one a sync would store as it is (not empty, not padded, not hundreds of
 * characters): any other would make a row that no Peloton request can ever complete.
 */
function isClassId(id: string): boolean {
  const read = rideSchema.shape.id.safeParse(id);
  return read.success && read.data === id;
}

/** The title the scripts' columns give a class, whatever their types, cut as a stored title is. */
const legacyTitle = (found: LegacyClass) => storable().text(textOf(found.workouts?.title) ?? textOf(found.detailed[0]?.title) ?? "", "title", MAX_INDEXED_TEXT);

/** One class not processed in the catalogue: its details stored, or it is left pending (with its row). */
async function importClass(
  deps: ImportLegacyDeps,
  legacy: LegacyDatabases,
  found: LegacyClass,
  target: TargetRow | undefined,
): Promise<{ songs: number } | PendingClass> {
  let unusable: Unusable | undefined;
  for (const row of found.detailed) {
    const read = readKeptDetails(found.id, row.full_details);
    if ("problem" in read) {
      unusable ??= read;
      continue;
    }
    try {
      return await storeClassDetails(deps, await withInstructor(deps, legacy, read.details, target));
    } catch (error) {
      // as in a details run, only a value the database refuses is the class's fault
      if (!isRefusedData(error)) throw new Error(`Saving class ${found.id} failed: ${oneLine(error)}`, { cause: error });
      unusable = { problem: `could not store it: ${oneLine(error)}`, ride: (read.details.raw as { ride?: unknown }).ride };
      deps.logger.warn({ class: found.id, reason: unusable.problem }, "the database refused the class's kept details; left for npm run details");
    }
  }
  const reason = `${unusable?.problem ?? "no details kept (no detailed_workouts row)"}${found.songs ? `; the scripts' songs table lists ${found.songs} songs for it, without Peloton's ids` : ""}`;
  if (target) return { id: found.id, title: target.title, reason };
  const row = await pendingRow(deps, legacy, found, unusable?.ride);
  // a class that appeared meanwhile (a sync running at the same time) keeps its row
  await deps.workouts.workout.createMany({ data: [row], skipDuplicates: true });
  return { id: found.id, title: row.title, reason };
}

type Kept = { details: RideDetails & { raw: unknown } };
/** Why a class's kept details cannot be used, and the ride they describe, if any (the list entry, or an answer's ride). */
type Unusable = { problem: string; ride?: unknown };

/**
 * A class's `full_details` read as the Peloton client reads a details answer: the object, or a JSON
 * string holding it, must pass the same schema and be about this class. The scripts' versions that kept
 * the class list entry there kept no playlist.
 */
export function readKeptDetails(id: string, value: unknown): Kept | Unusable {
  let json = value;
  if (json === null || json === undefined) return { problem: "full_details is empty" };
  if (typeof json === "string") {
    try {
      json = JSON.parse(json);
    } catch {
      return { problem: "full_details is text that is not JSON" };
    }
  }
  if (!isObject(json)) {
    return { problem: `full_details holds ${json === null ? "null" : Array.isArray(json) ? "a list" : `a ${typeof json}`}, not the class's details` };
  }
  if (!("ride" in json) && "id" in json) return { problem: "full_details holds the class list entry, not the class's details (no playlist)", ride: json };
  const what = `class ${id}'s full_details`;
  try {
    const details = parseResponse(rideDetailsSchema, json, what);
    // details about another class must never be stored as this one
    if (details.ride.id !== id) return { problem: `full_details describes another class (ride.id is ${JSON.stringify(details.ride.id)})` };
    return { details: { ...details, raw: json } };
  } catch (error) {
    if (!(error instanceof MalformedResponseError)) throw error;
    return { problem: error.message, ride: json.ride };
  }
}

/**
 * The answer with its instructor, as a details run finds it but without asking Peloton: the answer's
 * own; else, for the id the answer (or the class list) names, the catalogue's, which came from Peloton
 * and is kept as it is; else the scripts' `instructors` row (a name and a picture). Without any, the
 * class is stored with none.
 */
async function withInstructor({ detailed }: ImportLegacyDeps, legacy: LegacyDatabases, details: Kept["details"], target: TargetRow | undefined) {
  const { ride } = details;
  if (ride.instructor) return details;
  const instructorId = ride.instructor_id ?? target?.instructorId;
  if (!instructorId) return details;
  const linked = { ...details, ride: { ...ride, instructor_id: instructorId } };
  if (await detailed.instructor.findUnique({ where: { id: instructorId }, select: { id: true } })) return linked;
  const kept = instructorSchema.safeParse(await legacy.instructor(instructorId));
  return kept.success && kept.data.name ? { ...linked, ride: { ...linked.ride, instructor: kept.data } } : linked;
}

/**
 * The workouts row of a class left pending: from the ride its kept JSON describes, read as a sync reads
 * a list entry, when that is this class; else from the scripts' own columns, which say nothing of when
 * the class aired (the `created_at` of `workouts` is when the scripts saw it). Like a class a details
 * run stores unlisted, it is under its discipline, with no category listing it yet: a sync adds those.
 */
async function pendingRow({ logger }: ImportLegacyDeps, legacy: LegacyDatabases, found: LegacyClass, keptRide: unknown) {
  const ride = rideSchema.safeParse(keptRide);
  if (ride.success && ride.data.id === found.id) {
    const instructorId = ride.data.instructor_id;
    const name = instructorId && (textOf(found.workouts?.instructor_name) ?? textOf((await legacy.instructor(instructorId))?.name));
    const names = new Map(instructorId && name ? [[instructorId, name]] : []);
    return { ...workoutRow({ ...ride.data, raw: keptRide }, ride.data.fitness_discipline ?? "", names, logger), categories: [] };
  }
  const [detailedRow] = found.detailed;
  const columns = rideSchema.parse({
    id: found.id,
    title: found.workouts?.title ?? detailedRow?.title,
    duration: detailedRow?.duration,
    length: found.workouts?.length,
    fitness_discipline: detailedRow?.fitness_discipline,
    difficulty_rating_avg: found.workouts?.difficulty ?? detailedRow?.difficulty_rating_avg,
  });
  return {
    ...workoutRow({ ...columns, raw: found.workouts ?? detailedRow }, columns.fitness_discipline ?? "", new Map(), logger),
    instructorName: textOf(found.workouts?.instructor_name) ?? textOf(detailedRow?.instructor_name),
    categories: [],
  };
}

const textOf = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
