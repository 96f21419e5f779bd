import { GraphQLError } from "graphql";
import { bearerToken } from "../admin-token";
import { z } from "zod";
import type { IngestRun as IngestRunRow } from "../db/generated/workouts/client";
import type { BackgroundRuns } from "../ingest/background";
import { knownRunErrorCode, runErrorCodes, runErrorSummary } from "../ingest/run-errors";
import { builder } from "./builder";
import type { Context } from "./context";
import { offsetConnection, totalCountOf } from "./search";

// Runs live in the workouts database, which the Prisma plugin (bound to the detailed one) does not
// cover: plain object types with their own resolvers.

const IngestStage = builder.enumType("IngestStage", { values: ["SYNC_WORKOUTS", "PROCESS_DETAILS"] as const });
const IngestStatus = builder.enumType("IngestStatus", { values: ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"] as const });
const IngestErrorCode = builder.enumType("IngestErrorCode", {
  description: "Why a run failed, for anyone to read; the detail (`error`) is the admin's",
  values: Object.fromEntries(runErrorCodes.map((code) => [code, { description: runErrorSummary[code] }])) as Record<(typeof runErrorCodes)[number], { description: string }>,
});

export const IngestRun = builder.objectRef<IngestRunRow>("IngestRun").implement({
  description: "One run of an ingestion stage: poll it to follow a mutation's progress",
  fields: (t) => ({
    id: t.id({ resolve: (run) => String(run.id) }),
    stage: t.field({ type: IngestStage, resolve: (run) => run.stage }),
    status: t.field({ type: IngestStatus, resolve: (run) => run.status }),
    startedAt: t.field({ type: "DateTime", nullable: true, resolve: (run) => run.startedAt }),
    finishedAt: t.field({ type: "DateTime", nullable: true, resolve: (run) => run.finishedAt }),
    seen: t.exposeInt("seen"),
    new: t.exposeInt("new"),
    processed: t.exposeInt("processed"),
    failed: t.exposeInt("failed"),
    total: t.exposeInt("total", { nullable: true }),
    errorCode: t.field({ type: IngestErrorCode, nullable: true, resolve: (run) => (run.error === null ? null : knownRunErrorCode(run.errorCode)) }),
    error: t.string({
      nullable: true,
      description: "Why the run failed: the detail with the ADMIN_TOKEN (it may name the Peloton account), otherwise what errorCode means",
      resolve: (run, _args, ctx) => (run.error === null ? null : ctx.isAdmin ? run.error : runErrorSummary[knownRunErrorCode(run.errorCode)]),
    }),
  }),
});

const CatalogueStatus = builder.objectRef<{ listed: number; processed: number; failed: number; unavailable: number; songs: number; artists: number }>("CatalogueStatus").implement({
  fields: (t) => ({
    classesListed: t.exposeInt("listed", { description: "classes the syncs have listed" }),
    classesProcessed: t.exposeInt("processed", { description: "classes whose playlist is in the catalogue" }),
    classesPending: t.int({ description: "listed, available, not processed yet", resolve: (s) => s.listed - s.processed - s.unavailable }),
    classesFailed: t.exposeInt("failed", { description: "not processed, and the last details request failed" }),
    songs: t.exposeInt("songs"),
    artists: t.exposeInt("artists"),
  }),
});

builder.queryFields((t) => ({
  ingestRun: t.field({
    type: IngestRun,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { workouts }) => {
      const runId = Number(id);
      return Number.isSafeInteger(runId) ? workouts.ingestRun.findUnique({ where: { id: runId } }) : null;
    },
  }),
  ingestRuns: t.connection({
    type: IngestRun,
    description: "Runs of both stages, newest first",
    resolve: (_root, args, { workouts }) =>
      offsetConnection(args, () => workouts.ingestRun.count(), ({ limit, offset }) =>
        workouts.ingestRun.findMany({ orderBy: { id: "desc" }, take: limit, skip: offset }),
      ),
  }, { fields: (c) => ({ totalCount: c.int({ resolve: totalCountOf }) }) }),
  catalogueStatus: t.field({
    type: CatalogueStatus,
    resolve: async (_root, _args, { workouts, detailed }) => {
      const [listed, processed, failed, unavailable, songs, artists] = await Promise.all([
        workouts.workout.count(),
        workouts.workout.count({ where: { processed: true } }),
        workouts.workout.count({ where: { processed: false, detailsError: { not: null } } }),
        workouts.workout.count({ where: { processed: false, available: false } }),
        detailed.song.count(),
        detailed.artist.count(),
      ]);
      return { listed, processed, failed, unavailable, songs, artists };
    },
  }),
}));

// Mutations: start a stage in the background and return its run at once (QUEUED), or the stage's
// active run if it has one. They require the server's ADMIN_TOKEN as a bearer token.

const SyncWorkoutsInput = builder.inputType("SyncWorkoutsInput", {
  fields: (t) => ({
    category: t.string({
      required: false,
      description: 'a browse category such as "cycling" (the default), or "all" for every category Peloton lists',
      validate: z.string().trim().regex(/^[a-z0-9_-]{1,64}$/i, "must be a category slug such as cycling, or all"),
    }),
    full: t.boolean({ required: false, description: "walk every page, not only down to the classes already known" }),
    maxPages: t.int({ required: false, description: "stop after this many pages; the next sync resumes past them", validate: z.number().int().min(1, "must be at least 1") }),
  }),
});

const ProcessDetailsInput = builder.inputType("ProcessDetailsInput", {
  fields: (t) => ({
    force: t.boolean({ required: false, description: "take classes already processed too, replacing their playlists" }),
    batchSize: t.int({ required: false, description: "how many classes this run takes (default 100); 0 takes them all", validate: z.number().int().min(0, "must be 0 or more") }),
    concurrency: t.int({ required: false, description: "classes in flight at once (default 1); requests still keep one rate limit", validate: z.number().int().min(1, "must be at least 1").max(16, "must be at most 16") }),
    ids: t.idList({
      required: false,
      description: "exactly these classes, whether processed or not",
      validate: z.array(z.string().trim().min(1, "must not be empty")).min(1, "must name at least one class").max(1000),
    }),
  }),
});

/** The server's background runs, if the request carries its ADMIN_TOKEN; refuses with how to get there otherwise. */
function authorizedRuns({ admin, authorization, isAdmin }: Context): BackgroundRuns {
  if (!admin) {
    throw new GraphQLError(
      "Mutations are disabled on this server: set ADMIN_TOKEN in its environment (at least 16 characters, e.g. `openssl rand -hex 32`), " +
        "restart it, and send the token as `Authorization: Bearer <ADMIN_TOKEN>`.",
      { extensions: { code: "FORBIDDEN", http: { status: 403 } } },
    );
  }
  if (!isAdmin) {
    throw new GraphQLError(
      bearerToken(authorization) ? "The bearer token is not this server's ADMIN_TOKEN." : "Mutations need the header `Authorization: Bearer <ADMIN_TOKEN>`.",
      { extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: { "WWW-Authenticate": "Bearer" } } } },
    );
  }
  return admin.runs;
}

builder.mutationFields((t) => ({
  syncWorkouts: t.field({
    type: IngestRun,
    description: "Starts a sync of Peloton's class list into the workouts database; poll the run it returns",
    args: { input: t.arg({ type: SyncWorkoutsInput, required: false }) },
    resolve: (_root, { input }, ctx) =>
      authorizedRuns(ctx).start({
        stage: "SYNC_WORKOUTS",
        options: { categories: input?.category ? [input.category] : undefined, full: input?.full ?? false, maxPages: input?.maxPages ?? undefined },
      }),
  }),
  processDetails: t.field({
    type: IngestRun,
    description: "Starts fetching the details and playlists of the classes not processed yet; poll the run it returns",
    args: { input: t.arg({ type: ProcessDetailsInput, required: false }) },
    resolve: (_root, { input }, ctx) =>
      authorizedRuns(ctx).start({
        stage: "PROCESS_DETAILS",
        options: { force: input?.force ?? false, batchSize: input?.batchSize ?? 100, concurrency: input?.concurrency ?? 1, ids: input?.ids?.map(String) },
      }),
  }),
}));
