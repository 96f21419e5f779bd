import { builder } from "./builder";

export const Workout = builder.prismaObject("DetailedWorkout", {
  name: "Workout",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Peloton's class id" }),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    discipline: t.exposeString("fitnessDiscipline"),
    durationSeconds: t.exposeInt("durationSeconds"),
    difficulty: t.exposeFloat("difficultyRatingAvg", { nullable: true }),
    airedAt: t.expose("originalAirTime", { type: "DateTime", nullable: true }),
    imageUrl: t.exposeString("imageUrl", { nullable: true }),
    instructor: t.relation("instructor", { nullable: true }),
    playlist: t.relation("playlist", { description: "In class order", query: { orderBy: { position: "asc" } } }),
  }),
});

builder.prismaObject("PlaylistEntry", {
  fields: (t) => ({
    position: t.exposeInt("position"),
    startOffsetSeconds: t.exposeInt("startOffsetSeconds", { nullable: true }),
    song: t.relation("song"),
  }),
});

builder.queryFields((t) => ({
  workout: t.prismaField({
    type: "DetailedWorkout",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, { detailed }) => detailed.detailedWorkout.findUnique({ ...query, where: { id: String(id) } }),
  }),
  workouts: t.prismaConnection({
    type: "DetailedWorkout",
    cursor: "id",
    resolve: (query, _root, _args, { detailed }) =>
      detailed.detailedWorkout.findMany({ ...query, orderBy: [{ originalAirTime: "desc" }, { id: "asc" }] }),
    totalCount: (_connection, _args, { detailed }) => detailed.detailedWorkout.count(),
  }),
}));
