import DataLoader from "dataloader";
import { z } from "zod";
import { type Facet, type FacetCount, facetCounts } from "../db/workout-filters";
import { builder } from "./builder";
import type { Context } from "./context";
import { WorkoutFilter, workoutCriteria } from "./workout-filter";

/** The counts of one filter, read in one statement for every facet its query asks (the facets' fields resolve in one tick). */
type FacetsSource = DataLoader<Facet | "total", FacetCount[]>;

function facetsOf(criteria: ReturnType<typeof workoutCriteria>, { detailed }: Context): FacetsSource {
  return new DataLoader(async (asked) => {
    const counts = await facetCounts(
      detailed,
      criteria,
      asked.filter((facet): facet is Facet => facet !== "total"),
    );
    return asked.map((facet) => counts.filter((row) => row.facet === facet));
  });
}

const values = async (source: FacetsSource, facet: Facet) => (await source.load(facet)).map(({ value, count }) => ({ value: value!, count }));
const mostFirst = (a: { value: string; count: number }, b: { value: string; count: number }) => b.count - a.count || (a.value < b.value ? -1 : 1);

const DisciplineCount = builder.objectRef<{ value: string; count: number }>("DisciplineCount").implement({
  description: "How many classes of a discipline match",
  fields: (t) => ({
    discipline: t.string({ description: 'e.g. "cycling": a value of WorkoutFilter.disciplines', resolve: ({ value }) => value }),
    count: t.exposeInt("count", { description: "How many classes match with this discipline chosen" }),
  }),
});

const InstructorCount = builder.objectRef<{ value: string; count: number }>("InstructorCount").implement({
  description: "How many classes of an instructor match",
  fields: (t) => ({
    // each instructor with what the query selects of them: Prisma batches the findUniques of one tick into one statement
    instructor: t.prismaField({
      type: "Instructor",
      description: "The instructor (their id is a value of WorkoutFilter.instructorIds)",
      resolve: (query, { value }, _args, { detailed }) => detailed.instructor.findUniqueOrThrow({ ...query, where: { id: value } }),
    }),
    count: t.exposeInt("count", { description: "How many classes match with this instructor chosen" }),
  }),
});

const DurationCount = builder.objectRef<{ value: string; count: number }>("DurationCount").implement({
  description: "How many classes of a nominal duration match",
  fields: (t) => ({
    durationSeconds: t.int({ description: "The duration in seconds: a value of WorkoutFilter.durations", resolve: ({ value }) => Number(value) }),
    count: t.exposeInt("count", { description: "How many classes match with this duration chosen" }),
  }),
});

const ExplicitCount = builder.objectRef<{ value: string; count: number }>("ExplicitCount").implement({
  description: "How many explicit, or not explicit, classes match",
  fields: (t) => ({
    explicit: t.boolean({ description: "A value of WorkoutFilter.explicit", resolve: ({ value }) => value === "true" }),
    count: t.exposeInt("count", { description: "How many classes match with this value chosen" }),
  }),
});

const AirYearCount = builder.objectRef<{ value: string; count: number }>("AirYearCount").implement({
  description: "How many classes first aired in a year match",
  fields: (t) => ({
    year: t.int({ description: "The year (UTC): a value of WorkoutFilter.airYears", resolve: ({ value }) => Number(value) }),
    count: t.exposeInt("count", { description: "How many classes match with this year chosen" }),
  }),
});

const WorkoutFacets = builder.objectRef<FacetsSource>("WorkoutFacets").implement({
  description:
    "Counts for filter menus. `total` counts the classes matching the whole filter. Each facet counts, for each of its values, the classes matching " +
    "every criterion of the filter except the facet's own (disciplines and discipline; instructorIds and instructorId; durations; explicit; airYears), " +
    "so that a menu shows the other values' counts while one is chosen: a value's count is the totalCount of the workouts filtered with that value " +
    "chosen in place of the facet's own criterion. Range criteria (minDuration, airedAfter, ...) always hold. Values no class has are left out, " +
    "and so are classes without one (no discipline, no air date).",
  fields: (t) => ({
    total: t.int({ description: "How many classes match the whole filter", resolve: async (source) => (await source.load("total"))[0]?.count ?? 0 }),
    disciplines: t.field({
      type: [DisciplineCount],
      description: "By discipline, most classes first",
      resolve: async (source) => (await values(source, "disciplines")).sort(mostFirst),
    }),
    instructors: t.field({
      type: [InstructorCount],
      description: "By instructor, most classes first, at most `limit` of them",
      // bounded, as every list under which a query may nest lists: the catalogue's hundreds of
      // instructors, each with a page of classes, cost seconds (the limits price this list at `limit`)
      args: { limit: t.arg.int({ defaultValue: 100, description: "how many instructors, 1 to 500", validate: z.number().int().min(1).max(500) }) },
      resolve: async (source, { limit }) => (await values(source, "instructors")).sort(mostFirst).slice(0, limit ?? 100),
    }),
    durations: t.field({
      type: [DurationCount],
      description: "By nominal duration, shortest first",
      resolve: async (source) => (await values(source, "durations")).sort((a, b) => Number(a.value) - Number(b.value)),
    }),
    explicit: t.field({
      type: [ExplicitCount],
      description: "By explicit content: not explicit first",
      resolve: async (source) => (await values(source, "explicit")).sort((a, b) => (a.value < b.value ? -1 : 1)),
    }),
    airYears: t.field({
      type: [AirYearCount],
      description: "By the year of first air (UTC), newest first",
      resolve: async (source) => (await values(source, "airYears")).sort((a, b) => Number(b.value) - Number(a.value)),
    }),
  }),
});

builder.queryFields((t) => ({
  workoutFacets: t.field({
    type: WorkoutFacets,
    description: "Counts of the classes matching a filter, in all and by discipline, instructor, duration, explicit content and air year (see WorkoutFacets)",
    args: { filter: t.arg({ type: WorkoutFilter, description: "The filter the counts are for, as workouts takes it" }) },
    resolve: (_root, { filter }, context) => facetsOf(workoutCriteria(filter), context),
  }),
}));
