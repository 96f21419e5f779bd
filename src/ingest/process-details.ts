import { z } from "zod";
import { PelotonAuthError } from "../auth";
import { bumpCatalogueVersion } from "../catalogue-version";
import { isRefusedData, isTransient } from "../db/errors";
import type { Prisma } from "../db/generated/workouts/client";
import { MalformedResponseError, PelotonNotFoundError, PelotonRequestError } from "../peloton/errors";
import type { RideDetails } from "../peloton/schemas";
import type { IngestDeps } from "./deps";
import type { RunHandle } from "./runs";
import { saveClassDetails } from "./save-class";
import { askBeforeRun, defineStage, option, runHeadline, runStage, wholeNumber } from "./stage";
import { MAX_INDEXED_TEXT, said, storable, storableJson } from "./storable";

const MAX_UNREACHABLE_IN_A_ROW = 5;
// classes whose data the database refused, in a row: past this, it is more likely the database's fault
const MAX_REFUSED_IN_A_ROW = 10;
const MAX_RETRY_WAIT_MS = 30 * 24 * 3_600_000;

const DEFAULT_BATCH_SIZE = 100;

const processDetailsOptions = z
  .strictObject({
    batchSize: option(wholeNumber({ min: 0 }).optional(), {
      description: "how many classes this run takes; 0 takes them all",
      defaultText: `${DEFAULT_BATCH_SIZE}; all of them with force`,
    }),
    concurrency: option(wholeNumber({ min: 1, max: 16 }).default(1), {
      description: "classes in flight at once; requests still keep one rate limit",
      aliases: ["concurrent"],
    }),
    force: option(z.boolean().default(false), { description: "take classes already processed too, replacing their playlists" }),
    ids: option(z.array(z.string().trim().min(1, "must not be empty")).min(1, "must name at least one class").max(1000).optional(), {
      description: "exactly these classes, whether processed or not",
      defaultText: "the classes not processed yet",
      ids: true,
    }),
    maxAttempts: option(wholeNumber({ min: 1 }).default(3), {
      description: "a class whose details failed this many times is left alone until --force or --ids",
      only: "code",
    }),
    retryAfterMs: option(wholeNumber({ min: 0 }).default(3_600_000), {
      description: "a class that failed waits this long before a later run retries it, doubling with each failure",
      only: "code",
    }),
  })
  .superRefine((options, context) => {
    // exactly the classes named: a batch size would be ignored, and they are taken whether processed or not
    if (options.ids && options.batchSize !== undefined)
      context.addIssue({ code: "custom", path: ["batchSize"], message: "does not apply with ids: exactly those classes are taken" });
  });
export type ProcessDetailsOptions = z.input<typeof processDetailsOptions>;

/**
 * Stage 2: fetches the details of each class not yet processed (oldest first) and writes instructor,
 * class and playlist to the detailed database in one transaction, then marks the class processed in
 * the workouts database. The two databases share no transaction, so the order matters: a crash
 * between the two writes leaves the class unprocessed, and the next run writes it again, which the
 * upserts keyed by Peloton's ids make harmless. A class that fails, whether Peloton's answer could not
 * be read or its data could not be stored, is recorded with the reason and retried by later runs with
 * a growing wait, up to maxAttempts; it never stops the run. What stops the run blames no class: a
 * refused login, Peloton failing class after class, or a database that does not answer.
 */
export const processDetailsStage = defineStage({
  name: "PROCESS_DETAILS",
  command: "details",
  title: "Details",
  description:
    "Fetches the details of the classes the sync listed that are not processed yet (oldest first), and saves each " +
    "class's instructor and playlist to the detailed database. A class that fails is recorded and retried by a later run.",
  step: { one: "class", many: "classes" },
  options: processDetailsOptions,
  // a Peloton session (a saved one, or a login now): without one, no run is recorded; Peloton not
  // answering is left to the run, which records it
  check: async (deps) => {
    await askBeforeRun(deps, deps.peloton.signIn(), "the Peloton session");
  },
  // --force takes every class unless told how many; the run records the batch it took
  settle: (options) => ({ ...options, batchSize: options.ids ? undefined : (options.batchSize ?? (options.force ? 0 : DEFAULT_BATCH_SIZE)) }),
  demo: { batchSize: 0, concurrency: 4 },
  work: processClasses,
  counts: (progress) => `${progress.processed} processed, ${progress.failed} failed`,
  summary(run) {
    const total = run.total ?? run.seen;
    const lines = [`${runHeadline("Details", run)}: ${run.processed} of ${total} classes processed, ${run.failed} failed.`];
    if (run.error) lines.push(`Error: ${run.error}`);
    if (run.failed) {
      lines.push(
        `${run.failed} ${run.failed === 1 ? "class" : "classes"} failed (why is in the log and in workouts.details_error); the next run retries them.`,
      );
    }
    if (run.status !== "SUCCEEDED" && run.seen < total) lines.push(`The next run takes the ${total - run.seen} classes this one did not reach.`);
    return lines.join("\n");
  },
});

export const processDetails = (deps: IngestDeps, options?: ProcessDetailsOptions) => runStage(processDetailsStage, deps, options);

async function processClasses(deps: IngestDeps, run: RunHandle, options: z.output<typeof processDetailsOptions>) {
  const { workouts, peloton, logger, signal } = deps;
  const { force, concurrency, ids, maxAttempts, retryAfterMs } = options;
  const batchSize = options.batchSize ?? 0;
  const queue = ids?.length
    ? [...new Set(ids)]
    : (
        await workouts.workout.findMany({
          where: force
            ? {}
            : {
                processed: false,
                available: true,
                detailsAttempts: { lt: maxAttempts },
                OR: [{ detailsRetryAt: null }, { detailsRetryAt: { lte: new Date() } }],
              },
          orderBy: [{ originalAirTime: "asc" }, { id: "asc" }],
          take: batchSize || undefined,
          select: { id: true },
        })
      ).map((workout) => workout.id);
  const counts = { seen: 0, new: 0, processed: 0, failed: 0 };
  await run.update({ total: queue.length });

  let unreachableInARow = 0;
  let lastUnreachable: unknown;
  let refusedInARow = 0;
  // The workers' saves take turns here before they take them in the database (saveClassDetails' lock):
  // a save waiting for its turn there would hold one of the pool's connections, which the API shares.
  let lastSave: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(save: () => Promise<T>): Promise<T> => {
    const turn = lastSave.then(save);
    lastSave = turn.catch(() => undefined);
    return turn;
  };
  /** Writes one class; returns whether it was processed or failed, or throws what must stop the run. */
  const processOne = async (id: string): Promise<"processed" | "failed"> => {
    let answer: RideDetails & { raw: unknown };
    try {
      answer = await peloton.rideDetails(id);
    } catch (error) {
      return pelotonFailed(id, error);
    }
    unreachableInARow = 0;
    let details: RideDetails & { raw: unknown };
    try {
      details = await withInstructor(deps, answer);
    } catch (error) {
      if (!(error instanceof PelotonRequestError || error instanceof PelotonAuthError)) {
        throw new Error(`Reading what the database knows of class ${id} failed: ${oneLine(error)}`, { cause: error });
      }
      return pelotonFailed(id, error);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await inTurn(() => storeClassDetails(deps, details));
        refusedInARow = 0;
        return "processed";
      } catch (error) {
        // a deadlock or a transaction that could not start is the moment's: once more, then stop
        if (isTransient(error) && attempt < 2) {
          logger.warn({ class: id, reason: oneLine(error) }, "saving the class met a deadlock or a busy database; trying once more");
          continue;
        }
        // only a value the database refuses is the class's fault; anything else (a database that does
        // not answer, a missing table, our own bug) stops the run and blames no class
        if (!isRefusedData(error) || !(await databasesAnswer(deps))) {
          throw new Error(`Saving class ${id} failed: ${oneLine(error)}`, { cause: error });
        }
        await markFailed(deps, id, new Error(`could not store it: ${oneLine(error)}`), retryAfterMs);
        if (++refusedInARow >= MAX_REFUSED_IN_A_ROW) {
          throw new Error(
            `The database refused ${refusedInARow} classes in a row (last: ${oneLine(error)}); stopping: check that its migrations are applied.`,
            { cause: error },
          );
        }
        return "failed";
      }
    }
  };
  /** Peloton failed for this class: recorded; held against it only when the answer was its own (a 404, malformed). */
  const pelotonFailed = async (id: string, error: unknown): Promise<"failed"> => {
    if (error instanceof PelotonAuthError) throw error; // every class after it would fail the same way
    // retries running out is Peloton's (down, blocking us): recorded, not held against the class, and a
    // run of them stops the run
    const ownFault = error instanceof PelotonNotFoundError || error instanceof MalformedResponseError;
    await markFailed(deps, id, error, ownFault && retryAfterMs);
    if (!ownFault) {
      unreachableInARow++;
      lastUnreachable = error;
    }
    return "failed";
  };
  let next = 0;
  let fatal: unknown;
  const worker = async () => {
    while (next < queue.length && !signal?.aborted && fatal === undefined) {
      const id = queue[next++]!;
      counts.seen++;
      try {
        counts[await processOne(id)]++;
      } catch (error) {
        fatal ??= error;
        return;
      }
      await run.update({ ...counts });
      deps.onProgress?.({ stage: "PROCESS_DETAILS", runId: run.id, done: counts.seen, total: queue.length, ...counts });
      if (unreachableInARow >= MAX_UNREACHABLE_IN_A_ROW) {
        fatal ??= new Error(`Peloton failed ${unreachableInARow} classes in a row (last: ${oneLine(lastUnreachable)}); stopping, the next run resumes here.`, {
          cause: lastUnreachable,
        });
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(queue.length, 1)) }, worker));
  if (fatal !== undefined) throw fatal;
}

/**
 * The answer with its instructor: one it names by id alone, and that we do not know yet, is asked for
 * (once; a later class finds it in the database). Without it the class would be stored with none.
 */
async function withInstructor({ workouts, detailed, peloton, logger }: IngestDeps, details: RideDetails & { raw: unknown }) {
  const { ride } = details;
  if (ride.instructor) return details;
  // an answer that names none: the class list may have
  const instructorId = ride.instructor_id ?? (await workouts.workout.findUnique({ where: { id: ride.id }, select: { instructorId: true } }))?.instructorId;
  if (!instructorId) return details;
  if (await detailed.instructor.findUnique({ where: { id: instructorId }, select: { id: true } }))
    return { ...details, ride: { ...ride, instructor_id: instructorId } };
  try {
    return { ...details, ride: { ...ride, instructor_id: instructorId, instructor: await peloton.instructor(instructorId) } };
  } catch (error) {
    // Peloton down or refusing us fails the class for now (a later run retries it); an instructor it does not have, or
    // cannot describe, leaves the class without one
    if (!(error instanceof PelotonNotFoundError || error instanceof MalformedResponseError)) throw error;
    logger.warn({ class: ride.id, instructor: instructorId, reason: oneLine(error) }, "could not read the class's instructor; the class is stored without one");
    return details;
  }
}

const databasesAnswer = ({ workouts, detailed }: IngestDeps) =>
  Promise.all([workouts.$queryRaw`SELECT 1`, detailed.$queryRaw`SELECT 1`]).then(
    () => true,
    () => false,
  );

/**
 * Stores one class's details: instructor, class and playlist in the detailed database (one transaction),
 * then the class marked processed in the workouts database. What a details run does with Peloton's
 * answer, and what `npm run import-legacy` does with one the original scripts kept.
 */
export async function storeClassDetails(
  { workouts, detailed, logger }: Pick<IngestDeps, "workouts" | "detailed" | "logger">,
  details: RideDetails & { raw?: unknown },
): Promise<{ songs: number }> {
  const { songs, warnings } = await saveClassDetails(detailed, details);
  if (warnings.length) logger.warn({ class: details.ride.id, warnings }, "stored the class with values our databases cannot hold changed");
  await markProcessed(workouts, details);
  // the category the API links by may have changed with it (a class the class list did not have, or had without one)
  await bumpCatalogueVersion(detailed);
  return { songs };
}

async function markProcessed(workouts: IngestDeps["workouts"], details: RideDetails & { raw?: unknown }) {
  const { ride } = details;
  const store = storable(); // the same values as saveClassDetails cleans, which logs what it changed
  const { instructor, ...listEntry } = (details.raw as { ride?: Record<string, unknown> } | undefined)?.ride ?? ride;
  // what the answer leaves out (undefined) keeps what the class list said
  const facts = {
    instructorId: ride.instructor_id ?? ride.instructor?.id ?? undefined,
    instructorName: store.text(ride.instructor?.name || null, "ride.instructor.name", MAX_INDEXED_TEXT) ?? undefined,
    difficulty: ride.difficulty_rating_avg ?? undefined,
    length: store.int(ride.length, "ride.length") ?? undefined,
    processed: true,
    processedAt: new Date(),
    detailsError: null,
    detailsRetryAt: null,
  };
  // what a class list entry says of the class, which the answer's ride says too
  const listed = {
    title: store.text(ride.title, "ride.title", MAX_INDEXED_TEXT),
    discipline: store.text(ride.fitness_discipline, "ride.fitness_discipline", MAX_INDEXED_TEXT),
    category: store.text(ride.fitness_discipline, "ride.fitness_discipline", MAX_INDEXED_TEXT) ?? "",
    durationSeconds: store.int(ride.duration, "ride.duration"),
    originalAirTime: store.time(ride.original_air_time, "ride.original_air_time"),
    explicit: ride.is_explicit ?? false,
    listEntry: storableJson(listEntry) as Prisma.InputJsonObject,
  };
  await workouts.$transaction([
    // a row no sync has listed (no category lists it) holds only what the import guessed from the original
    // scripts' columns, or an earlier answer's ride: the answer's ride says more; a sync's entry is kept
    workouts.workout.updateMany({ where: { id: ride.id, categories: { isEmpty: true } }, data: said(listed) }),
    // a sync never relabels a class, so one the import made with no category gets the first that lists it
    workouts.$executeRaw`UPDATE workouts SET category = categories[1], updated_at = now() WHERE id = ${ride.id} AND category = '' AND cardinality(categories) > 0`,
    workouts.workout.upsert({
      where: { id: ride.id },
      update: facts,
      // a class asked for by id that no sync has listed yet
      create: { id: ride.id, ...listed, ...facts },
    }),
  ]);
}

/**
 * Records why a class failed. With `retryAfterMs` the failure is the class's own: it counts as an
 * attempt, and later runs leave the class alone for retryAfterMs × 2^(attempts before).
 */
async function markFailed({ workouts, detailed, logger }: IngestDeps, id: string, error: unknown, retryAfterMs: number | false) {
  const reason = storable().text(oneLine(error), "details_error", 2000);
  const gone = error instanceof PelotonNotFoundError;
  logger.warn({ class: id, reason }, "class details failed");
  const data = { detailsError: reason, ...(gone ? { available: false } : {}) };
  if (retryAfterMs === false) {
    await workouts.workout.updateMany({ where: { id }, data });
  } else {
    // the wait doubles with each attempt already made (up to 2^20 times, and at most 30 days)
    await workouts.$executeRaw`
      UPDATE workouts
         SET details_error = ${data.detailsError}, available = available AND ${!gone},
             details_attempts = details_attempts + 1, updated_at = now(),
             details_retry_at = now() + least(${retryAfterMs}::float8 * power(2, least(details_attempts, 20)), ${MAX_RETRY_WAIT_MS}::float8) * interval '1 millisecond'
       WHERE id = ${id}`;
  }
  if (gone) await bumpCatalogueVersion(detailed); // the API shows the class unavailable
}

// Prisma's messages quote the calling code over several lines: keep the line that says what happened
export const oneLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).trim().split("\n").filter(Boolean).at(-1) ?? "unknown error";
