import { GraphQLError } from "graphql";
import { PelotonAuthError } from "../auth/errors";
import type { WorkoutsClient } from "../db";
import type { IngestRun as IngestRunRow } from "../db/generated/workouts/client";
import { notCached } from "../http-caching";
import { ServerStoppingError } from "../ingest/background";
import { knownRunErrorCode, runErrorCodes, runErrorSummary } from "../ingest/run-errors";
import { StageAlreadyRunningError, stageField } from "../ingest/runs";
import { optionSpecs, StageOptionsError } from "../ingest/stage";
import { stages } from "../ingest/stages";
import { maxRunSubscriptions, TooManySubscriptionsError } from "../run-events";
import { builder } from "./builder";
import { runCursor, runCursorOf } from "./cursors";
import { cursorConnection, totalCountOf } from "./search";

// Runs live in the workouts database, which the Prisma plugin (bound to the detailed one) does not
// cover: plain object types with their own resolvers.

const IngestStage = builder.enumType("IngestStage", {
  description: "An ingestion stage",
  values: Object.fromEntries(stages.map((stage) => [stage.name, { description: stage.description }])) as Record<
    (typeof stages)[number]["name"],
    { description: string }
  >,
});
const IngestStatus = builder.enumType("IngestStatus", {
  description: "Where a run is",
  values: {
    QUEUED: { description: "started, not running yet" },
    RUNNING: { description: "running: its counts grow" },
    SUCCEEDED: { description: "ended having done its work (a class that failed is counted in `failed`, and retried by a later run)" },
    FAILED: { description: "stopped by an error: `errorCode` says why; a later run resumes" },
    CANCELLED: { description: "stopped on request (Ctrl-C, or the server shutting down); a later run resumes" },
  } as const,
});
const IngestErrorCode = builder.enumType("IngestErrorCode", {
  description: "Why a run failed, for anyone to read; the detail (`error`) is the admin's",
  values: Object.fromEntries(runErrorCodes.map((code) => [code, { description: runErrorSummary[code] }])) as Record<
    (typeof runErrorCodes)[number],
    { description: string }
  >,
});

export const IngestRun = builder.objectRef<IngestRunRow>("IngestRun").implement({
  description: "One run of an ingestion stage: poll it to follow a mutation's progress",
  fields: (t) => ({
    id: t.id({ description: "The run's number, for ingestRun(id)", resolve: (run) => String(run.id) }),
    stage: t.field({ type: IngestStage, description: "Which stage it runs", resolve: (run) => run.stage }),
    status: t.field({ type: IngestStatus, description: "Where it is", resolve: (run) => run.status }),
    startedAt: t.field({ type: "DateTime", nullable: true, description: "When it began running; null while queued", resolve: (run) => run.startedAt }),
    finishedAt: t.field({ type: "DateTime", nullable: true, description: "When it ended; null until then", resolve: (run) => run.finishedAt }),
    seen: t.exposeInt("seen", { description: "Classes it has looked at: listed by a sync, or taken up by a details run" }),
    new: t.exposeInt("new", { description: "Classes a sync listed for the first time" }),
    processed: t.exposeInt("processed", { description: "Classes written: listed by a sync, or stored with their playlist by a details run" }),
    failed: t.exposeInt("failed", { description: "Classes whose details failed (a later run retries them)" }),
    total: t.exposeInt("total", {
      nullable: true,
      description: "How many classes the run has to do, when known ahead (a details run's queue); null otherwise",
    }),
    errorCode: t.field({
      type: IngestErrorCode,
      nullable: true,
      description: "Why it failed; null unless it did",
      resolve: (run) => (run.error === null ? null : knownRunErrorCode(run.errorCode)),
    }),
    error: t.string({
      nullable: true,
      description: "Why the run failed: the detail with the ADMIN_TOKEN (it may name the Peloton account), otherwise what errorCode means",
      authScopes: { admin: true },
      unauthorizedResolver: (run) => (run.error === null ? null : runErrorSummary[knownRunErrorCode(run.errorCode)]),
      resolve: (run) => run.error,
    }),
  }),
});

const CatalogueStatus = builder
  .objectRef<{ listed: number; processed: number; failed: number; unavailable: number; songs: number; artists: number }>("CatalogueStatus")
  .implement({
    description: "How far ingestion has come",
    fields: (t) => ({
      classesListed: t.exposeInt("listed", { description: "classes the syncs have listed" }),
      classesProcessed: t.exposeInt("processed", { description: "classes whose playlist is in the catalogue" }),
      classesPending: t.int({ description: "listed, available, not processed yet", resolve: (s) => s.listed - s.processed - s.unavailable }),
      classesFailed: t.exposeInt("failed", { description: "not processed, and the last details request failed" }),
      songs: t.exposeInt("songs", { description: "songs in the catalogue" }),
      artists: t.exposeInt("artists", { description: "artists in the catalogue" }),
    }),
  });

builder.queryFields((t) => ({
  ingestRun: t.field({
    type: IngestRun,
    nullable: true,
    description: "The run of this id, as its mutation or ingestRuns gave it; null when there is none",
    extensions: notCached,
    args: { id: t.arg.id({ required: true, description: "the run's id" }) },
    resolve: (_root, { id }, { workouts }) => findRun(workouts, id),
  }),
  ingestRuns: t.connection(
    {
      type: IngestRun,
      description: "Runs of both stages, newest first",
      extensions: notCached,
      resolve: async (_root, args, { workouts }) => {
        // keyset: a run started between two pages moves no run across a cursor
        const after = args.after ? runCursorOf(args.after, "after") : undefined;
        const before = args.before ? runCursorOf(args.before, "before") : undefined;
        const connection = await cursorConnection({ args, toCursor: (run: IngestRunRow) => runCursor(run.id) }, ({ limit, inverted }) =>
          workouts.ingestRun.findMany({ where: { id: { lt: after, gt: before } }, orderBy: { id: inverted ? "asc" : "desc" }, take: limit }),
        );
        return { ...connection, totalCount: () => workouts.ingestRun.count() };
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: totalCountOf }) }) },
  ),
  catalogueStatus: t.field({
    type: CatalogueStatus,
    description: "How many classes are listed, processed, pending and failed, and how many songs and artists the catalogue holds",
    extensions: notCached,
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

// the API's one subscription: its type is declared here rather than in builder.ts, beside the field it holds
builder.subscriptionType({
  description: "Following what changes, as server-sent events (`Accept: text/event-stream`)",
  fields: (t) => ({
    ingestRun: t.field({
      type: IngestRun,
      description:
        "The run each time it changes (status, counts, error), first as it is now; the stream ends with the run (SUCCEEDED, FAILED or CANCELLED). " +
        "Served as server-sent events: send the subscription to /graphql with `Accept: text/event-stream`. " +
        "A run whose process died ends FAILED (ABANDONED) once it has been silent for two minutes. " +
        `A server follows at most ${maxRunSubscriptions} subscriptions at once: past them, an error event with code TOO_MANY_SUBSCRIPTIONS`,
      args: { id: t.arg.id({ required: true, description: "the run's id, as its mutation or ingestRuns gave it" }) },
      subscribe: async (_root, { id }, { workouts, runEvents, clientGone }) => {
        const run = await findRun(workouts, id);
        if (!run) throw new GraphQLError(`There is no ingestion run ${id}: ingestRuns lists them.`, { extensions: { code: "NOT_FOUND" } });
        try {
          return runEvents.follow(workouts, run, clientGone);
        } catch (error) {
          if (!(error instanceof TooManySubscriptionsError)) throw error;
          throw new GraphQLError(error.message, { extensions: { code: "TOO_MANY_SUBSCRIPTIONS", limit: error.limit } });
        }
      },
      resolve: (run) => run,
    }),
  }),
});

const findRun = (workouts: WorkoutsClient, id: string | number) => {
  const runId = Number(id);
  return Number.isSafeInteger(runId) ? workouts.ingestRun.findUnique({ where: { id: runId } }) : null;
};

// Mutations: one per stage (src/ingest/stages.ts), its input derived from the stage's options. Each
// starts a run in the background and returns it at once (QUEUED); the admin's alone.

for (const stage of stages) {
  const field = stageField(stage.name);
  const specs = optionSpecs(stage.options).filter((spec) => spec.only === undefined);
  const Input = builder.inputType(`${field[0]!.toUpperCase()}${field.slice(1)}Input`, {
    description: `How to run ${field}: every option may be left out`,
    fields: (t) =>
      Object.fromEntries(
        specs.map((spec) => {
          const options = { required: false, description: `${spec.description} (${spec.range ? `${spec.range}; ` : ""}default ${spec.shownDefault})` } as const;
          const input = {
            int: () => t.int(options),
            boolean: () => t.boolean(options),
            string: () => t.string(options),
            strings: () => (spec.ids ? t.idList(options) : t.stringList(options)),
          };
          return [spec.name, input[spec.kind]()];
        }),
      ),
  });
  builder.mutationField(field, (t) =>
    t.field({
      type: IngestRun,
      description: `${stage.description} Returns the run at once (QUEUED): poll it.`,
      authScopes: { admin: true },
      args: { input: t.arg({ type: Input, required: false, description: "the run's options (the defaults without it)" }) },
      resolve: async (_root, { input }, { admin }) => {
        // the names users type (category) to the stage's keys (categories); a null field is one not given
        const options = Object.fromEntries(
          specs.flatMap((spec) => {
            const value = (input as Record<string, unknown> | null | undefined)?.[spec.name];
            if (value === null || value === undefined) return [];
            return [[spec.key, spec.kind === "strings" ? (value as unknown[]).map(String) : value]];
          }),
        );
        try {
          return await admin!.runs.start(stage, options);
        } catch (error) {
          throw startRefused(error);
        }
      },
    }),
  );
}

/** Why a run was not started, for the client: what to change, or which run is active. */
function startRefused(error: unknown): unknown {
  if (error instanceof StageOptionsError) {
    return new GraphQLError(error.problems.map(({ option, message }) => `input.${option}: ${message}`).join("; "), {
      extensions: { code: "BAD_USER_INPUT", problems: error.problems.map(({ option, message }) => ({ field: `input.${option}`, message })) },
    });
  }
  if (error instanceof StageAlreadyRunningError) {
    return new GraphQLError(`${error.message} It was started with other options; poll it, or ask again when it has finished.`, {
      extensions: { code: "RUN_ACTIVE", runId: String(error.run.id) },
    });
  }
  if (error instanceof PelotonAuthError) return new GraphQLError(error.message, { extensions: { code: "PELOTON_AUTH_FAILED" } });
  if (error instanceof ServerStoppingError) return new GraphQLError(error.message, { extensions: { code: "SERVER_STOPPING", http: { status: 503 } } });
  return error;
}
