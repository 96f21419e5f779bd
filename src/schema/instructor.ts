import { builder } from "./builder";

export const Instructor = builder.prismaObject("Instructor", {
  fields: (t) => ({
    id: t.exposeID("id", { description: "Peloton's instructor id" }),
    name: t.exposeString("name"),
    imageUrl: t.exposeString("imageUrl", { nullable: true }),
    workouts: t.relatedConnection("workouts", {
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ originalAirTime: "desc" }, { id: "asc" }] }),
    }),
  }),
});

builder.queryFields((t) => ({
  instructor: t.prismaField({
    type: "Instructor",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, { detailed }) => detailed.instructor.findUnique({ ...query, where: { id: String(id) } }),
  }),
  instructors: t.prismaConnection(
    {
      type: "Instructor",
      cursor: "id",
      resolve: (query, _root, _args, { detailed }) => detailed.instructor.findMany({ ...query, orderBy: { id: "asc" } }),
      totalCount: (_connection, _args, { detailed }) => detailed.instructor.count(),
    },
  ),
}));
