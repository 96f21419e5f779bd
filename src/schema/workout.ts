import { queryFromInfo } from "@pothos/plugin-prisma";
import type { DetailedClient } from "../db";
import type { Prisma, Song } from "../db/generated/detailed/client";
import { plainColumns } from "../db/plain-reads";
import { workoutWhere } from "../db/workout-filters";
import { type Keyset, type WorkoutOrder as Order, reverseOrder, workoutCount, workoutPage } from "../db/workout-page";
import { builder } from "./builder";
import { listingOf, pelotonUrlOf } from "./class-listing";
import { type Position, positionOf, type SortField, workoutCursor } from "./cursors";
import { pelotonIdOf } from "./node-ids";
import { asksFor, lazyCursorConnection } from "./pages";
import { rowById } from "./rows";
import { totalCountOf } from "./search";
import { Song as SongType } from "./song";
import { WorkoutFilter, workoutCriteria } from "./workout-filter";
import { pageMatches } from "./workout-matches";

export const Workout = builder.prismaNode("DetailedWorkout", {
  name: "Workout",
  description: "A Peloton class, with its playlist",
  id: { field: "id", description: "The class's global id (Relay): opaque, for node(id), nodes(ids) and the lookups" },
  // a global id naming no class answers null, not an error
  nullable: true,
  // The few small columns the fields show, always: never Peloton's whole answer (full_details). Plain
  // fields over them: an exposed field of a type with a select plans its own column, row by row.
  select: {
    id: true,
    title: true,
    description: true,
    fitnessDiscipline: true,
    durationSeconds: true,
    difficultyRatingAvg: true,
    originalAirTime: true,
    imageUrl: true,
    explicit: true,
    classTypes: true,
  },
  fields: (t) => ({
    pelotonId: t.id({ description: "Peloton's class (ride) id", resolve: (w) => w.id }),
    title: t.string({ description: 'e.g. "30 min Pop Ride"', resolve: (w) => w.title }),
    description: t.string({ nullable: true, description: "Peloton's description of the class", resolve: (w) => w.description }),
    discipline: t.string({ nullable: true, description: "null when Peloton sent none", resolve: (w) => w.fitnessDiscipline }),
    durationSeconds: t.int({ nullable: true, description: "null when Peloton sent none we could store", resolve: (w) => w.durationSeconds }),
    difficulty: t.float({
      nullable: true,
      description: "The members' average difficulty rating (0 to 10); null while unrated",
      resolve: (w) => w.difficultyRatingAvg,
    }),
    airedAt: t.field({ type: "DateTime", nullable: true, description: "When the class first aired", resolve: (w) => w.originalAirTime }),
    imageUrl: t.string({ nullable: true, description: "The class's picture, as Peloton sent it", resolve: (w) => w.imageUrl }),
    explicit: t.boolean({ description: "Whether Peloton marks the class explicit (its music's lyrics)", resolve: (w) => w.explicit }),
    classTypes: t.stringList({
      description: "Peloton's class types, e.g. \"Climb Ride\", in Peloton's order; empty when it sent none",
      resolve: (w) => w.classTypes,
    }),
    available: t.boolean({
      description: "false once Peloton no longer lists the class or has its details: it stays in this catalogue, which keeps what Peloton removes",
      resolve: async (w, _args, context) => (await listingOf(context, w.id)).available,
    }),
    pelotonUrl: t.string({
      nullable: true,
      description:
        "The class on Peloton's site (members.onepeloton.com, signed in), under the category that lists it or else its discipline; null when Peloton sent neither",
      resolve: async (w, _args, context) => pelotonUrlOf(w.id, (await listingOf(context, w.id)).category ?? w.fitnessDiscipline),
    }),
    instructor: t.relation("instructor", { nullable: true, description: "Who taught it; null when Peloton named no instructor" }),
    // loaded with the class (the songs with what the query selects of them); an entry's own fields are
    // plain properties, so the songs of a playlist need no relation resolver each
    playlist: t.field({
      type: [PlaylistEntry],
      description: "In class order",
      select: (_args, _ctx, nestedSelection) => {
        const song = nestedSelection(true, ["song"]);
        // a playlist asked for without its songs still reads each song's id: Prisma refuses an empty selection
        const unasked = Object.keys((song as unknown as { select?: object }).select ?? { id: true }).length === 0;
        return {
          playlist: {
            orderBy: { position: "asc" },
            select: { position: true, startOffsetSeconds: true, song: unasked ? ({ select: { id: true } } as unknown as typeof song) : song },
          },
        };
      },
      resolve: (workout) => workout.playlist,
    }),
  }),
});

const PlaylistEntry = builder.objectRef<{ position: number; startOffsetSeconds: number | null; song: Song }>("PlaylistEntry").implement({
  description: "A song in a class's playlist, at its place",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "Its place in the class, from 0" }),
    startOffsetSeconds: t.exposeInt("startOffsetSeconds", {
      nullable: true,
      description: "When it starts, in seconds from the start of the class; null when Peloton sent no time",
    }),
    song: t.field({ type: SongType, description: "The song", resolve: (entry) => entry.song }),
  }),
});

builder.queryFields((t) => ({
  workout: t.prismaField({
    type: "DetailedWorkout",
    nullable: true,
    description: "The class of this id: its global id or Peloton's",
    args: { id: t.arg.id({ required: true, description: "the class's `id` or its `pelotonId`" }) },
    resolve: (query, _root, { id }, context) => {
      const workoutId = pelotonIdOf(id, "Workout", "id");
      return rowById(context, "workout", query, workoutId, () => context.detailed.detailedWorkout.findUnique({ ...query, where: { id: workoutId } }));
    },
  }),
  workouts: t.connection(
    {
      type: Workout,
      description: "Classes in the catalogue matching `filter`, in `orderBy` order (newest first by default)",
      args: {
        filter: t.arg({ type: WorkoutFilter, description: "what the classes must be; every class without it" }),
        orderBy: t.arg({ type: WorkoutOrder, defaultValue: "AIRED_DESC", description: "the list's order" }),
      },
      resolve: async (_root, args, context, info) => {
        const order = workoutOrders[args.orderBy ?? "AIRED_DESC"];
        const criteria = workoutCriteria(args.filter);
        const query = queryFromInfo({ context, info, typeName: "Workout", path: ["edges", "node"] });
        // the page in one hand-written statement when it asks for plain columns (and the instructor's);
        // through Prisma's findMany when it asks for more (a playlist, with its songs)
        const columns = plainColumns("workout", query.select);
        // and the total in the page's statement when it is asked
        const counted = columns !== null && asksFor(info, "totalCount");
        let total: number | undefined;
        const { detailed } = context;
        const connection = await lazyCursorConnection<WorkoutRow>(
          args,
          (workout) => workoutCursor(workout, order.field),
          async ({ after, before, limit, inverted }) => {
            // each cursor bounds the page: rows past `after` in the order, and past `before` going back
            const [from, to] = await Promise.all([
              after ? keysetOf(detailed, positionOf(after, "after"), order.field) : undefined,
              before ? keysetOf(detailed, positionOf(before, "before"), order.field) : undefined,
            ]);
            if (from === null || to === null) return []; // a cursor's class is gone
            if (columns) {
              const page = await workoutPage<WorkoutRow>(detailed, criteria, columns, { order, after: from, before: to, limit, backward: inverted }, counted);
              total = page.total;
              return page.rows;
            }
            return detailed.detailedWorkout.findMany({
              ...query,
              where: { AND: [workoutWhere(criteria), from ? rowsPast(from, order) : {}, to ? rowsPast(to, reverseOrder(order)) : {}] },
              orderBy: orderByOf(inverted ? reverseOrder(order) : order),
              take: limit,
            });
          },
        );
        const pageIds = connection.edges.map((edge) => edge.node.id);
        const matches = pageMatches(criteria, pageIds, context);
        return {
          ...connection,
          edges: connection.edges.map((edge) => Object.assign(edge, { matches })),
          totalCount: async () => total ?? workoutCount(detailed, criteria),
        };
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: totalCountOf }) }) },
    {
      fields: (e) => ({
        matches: e.field({
          type: [PlaylistEntry],
          description:
            "The entries of the class's playlist that match the filter's music criteria (artist, song, artistIds, songIds: any of them), in class order; empty without one. Read for the whole page at once",
          resolve: (edge, _args, context, info) => edge.matches(edge.node.id, context, info),
        }),
      }),
    },
  ),
}));

/** A class of a page: Prisma's row, or workoutPage's, whose air time is the text the DateTime scalar writes. */
type WorkoutRow = typeof Workout.$inferType;

const WorkoutOrder = builder.enumType("WorkoutOrder", {
  description: "The order of a list of classes",
  values: {
    AIRED_DESC: { description: "newest first" },
    AIRED_ASC: { description: "oldest first" },
    DIFFICULTY_DESC: { description: "hardest first (by the members' rating); unrated classes last" },
  } as const,
});

// each sorts by one nullable column, then by id
const workoutOrders: Record<"AIRED_DESC" | "AIRED_ASC" | "DIFFICULTY_DESC", Order> = {
  AIRED_DESC: { field: "originalAirTime", sort: "desc", nulls: "first", id: "asc" },
  AIRED_ASC: { field: "originalAirTime", sort: "asc", nulls: "last", id: "asc" },
  DIFFICULTY_DESC: { field: "difficultyRatingAvg", sort: "desc", nulls: "last", id: "asc" },
};

const orderByOf = ({ field, sort, nulls, id }: Order): Prisma.DetailedWorkoutOrderByWithRelationInput[] => [{ [field]: { sort, nulls } }, { id }];

/**
 * Where a cursor's class stands in a list sorted by `field`; null if the class is gone. The cursor
 * carries the sort value, so this reads the database only for an older cursor, or one from another order.
 */
async function keysetOf(detailed: DetailedClient, position: Position, field: SortField): Promise<Keyset | null> {
  if (position.sorted?.field === field) return { id: position.id, value: position.sorted.value };
  const row = await detailed.detailedWorkout.findUnique({ where: { id: position.id }, select: { originalAirTime: true, difficultyRatingAvg: true } });
  return row && { id: position.id, value: row[field] };
}

/**
 * The classes past `keyset` in `order`, as Prisma's where: the bounds workoutPage writes in SQL, for a
 * page read through findMany. (Prisma's own cursor leaves out the LIMIT when the order has a nullable
 * column and pages in memory, prisma/orm#27094: a page 2,000 classes deep read the other 48,000 classes.)
 */
function rowsPast({ value, id }: Keyset, { field, sort, nulls, id: idSort }: Order): Prisma.DetailedWorkoutWhereInput {
  const idPast = { id: idSort === "asc" ? { gt: id } : { lt: id } };
  if (value === null) {
    const tied: Prisma.DetailedWorkoutWhereInput = { [field]: null, ...idPast };
    return nulls === "first" ? { OR: [tied, { [field]: { not: null } }] } : tied;
  }
  // the bound (<= or >=) lets the index on the sort column start at the cursor's class
  const from = { [field]: { [sort === "desc" ? "lte" : "gte"]: value } };
  const past = { OR: [{ [field]: value, ...idPast }, { [field]: { [sort === "desc" ? "lt" : "gt"]: value } }] };
  const rated: Prisma.DetailedWorkoutWhereInput = { AND: [from, past] };
  return nulls === "last" ? { OR: [rated, { [field]: null }] } : rated;
}
