import type { IngestRun as IngestRunRow } from "../db/generated/workouts/client";
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { builder } from "./builder";
import { totalCountOf } from "./search";

// Runs live in the workouts database, which the Prisma plugin (bound to the detailed one) does not
// cover: plain object types with their own resolvers.

const IngestStage = builder.enumType("IngestStage", { values: ["SYNC_WORKOUTS", "PROCESS_DETAILS"] as const });
const IngestStatus = builder.enumType("IngestStatus", { values: ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"] as const });

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
    error: t.exposeString("error", { nullable: true }),
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
    resolve: async (_root, args, { workouts }) =>
      resolveOffsetConnection({ args, totalCount: await workouts.ingestRun.count() }, ({ limit, offset }) =>
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
