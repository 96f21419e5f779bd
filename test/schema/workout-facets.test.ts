import { parse } from "graphql";
import { ingestFromSimulator } from "../../harness/simulator";
import { operationCost, queryLimits } from "../../src/query-limits";
import { schema } from "../../src/schema";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { graphql } from "../graphql";
import type { WorkoutFacetsOfQuery, WorkoutFilter } from "../graphql/graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// workoutFacets over an ingested catalogue of three disciplines: each facet's count of a value is the
// totalCount of the workouts filtered with that value chosen in place of the facet's own criterion.

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
const sent: string[] = [];

beforeAll(async () => {
  [sim, db] = await Promise.all([startSimulator({ classes: 150 }), openTestDatabases({ onQuery: (_database, sql) => sent.push(sql) })]);
  await ingestFromSimulator(db, sim, { sync: { categories: ["all"] } });
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

type Facets = WorkoutFacetsOfQuery["workoutFacets"];

async function facetsOf(filter: WorkoutFilter | null): Promise<Facets> {
  const { data, errors } = await execute(
    api,
    graphql(`query WorkoutFacetsOf($filter: WorkoutFilter) { workoutFacets(filter: $filter) {
      total disciplines { discipline count } instructors { instructor { pelotonId name } count } durations { durationSeconds count }
      explicit { explicit count } airYears { year count } } }`),
    { filter },
  );
  expect(errors).toBeUndefined();
  return data!.workoutFacets;
}

async function totalCount(filter: WorkoutFilter | null): Promise<number> {
  const { data, errors } = await execute(
    api,
    graphql(`query WorkoutFacetsTotal($filter: WorkoutFilter) { workouts(filter: $filter, first: 1) { totalCount } }`),
    {
      filter,
    },
  );
  expect(errors).toBeUndefined();
  return data!.workouts.totalCount;
}

/** Each facet's values as filters: the filter with that value chosen in place of the facet's own criterion. */
function choices(filter: WorkoutFilter, facets: Facets): { facet: string; count: number; chosen: WorkoutFilter }[] {
  const { discipline: _discipline, instructorId: _instructorId, ...rest } = filter;
  return [
    ...facets.disciplines.map(({ discipline, count }) => ({
      facet: `discipline ${discipline}`,
      count,
      chosen: { ...filter, discipline: undefined, disciplines: [discipline] },
    })),
    ...facets.instructors.map(({ instructor, count }) => ({
      facet: `instructor ${instructor.name}`,
      count,
      chosen: { ...rest, ...(filter.discipline != null && { discipline: filter.discipline }), instructorIds: [instructor.pelotonId] },
    })),
    ...facets.durations.map(({ durationSeconds, count }) => ({
      facet: `duration ${durationSeconds}`,
      count,
      chosen: { ...filter, durations: [durationSeconds] },
    })),
    ...facets.explicit.map(({ explicit, count }) => ({ facet: `explicit ${explicit}`, count, chosen: { ...filter, explicit } })),
    ...facets.airYears.map(({ year, count }) => ({ facet: `year ${year}`, count, chosen: { ...filter, airYears: [year] } })),
  ];
}

describe("workoutFacets", () => {
  it("counts by discipline, instructor, duration, explicit and air year the classes each value would list", async () => {
    const instructors = sim.catalogue.instructors.map((instructor) => instructor.id);
    const newest = new Date(sim.catalogue.classes[0]!.originalAirTime * 1000).getUTCFullYear();
    const filters: WorkoutFilter[] = [
      {},
      { disciplines: ["cycling"] },
      { disciplines: ["cycling", "yoga"], durations: [1200, 1800] },
      { artist: "AC/DC", explicit: false },
      { instructorIds: instructors.slice(0, 6), airYears: [newest, newest - 1], minDifficulty: 5 },
      { discipline: "strength", instructorId: instructors[3], minDuration: 1200, maxDuration: 2700 },
      { title: "ride", durations: [1200, 1800] },
    ];
    for (const filter of filters) {
      const facets = await facetsOf(filter);
      expect({ filter, total: facets.total }).toEqual({ filter, total: await totalCount(filter) });
      const counted = choices(filter, facets);
      expect(counted.length).toBeGreaterThan(0);
      for (const { facet, count, chosen } of counted) {
        expect({ filter, facet, count }).toEqual({ filter, facet, count: await totalCount(chosen) });
      }
      // every value is counted: a facet's counts add up to the classes matching all but its own criterion
      const sum = (counts: { count: number }[]) => counts.reduce((total, { count }) => total + count, 0);
      const { disciplines: _d, discipline: _one, ...allButDisciplines } = filter;
      expect(sum(facets.disciplines)).toBe(await totalCount(allButDisciplines));
      const { airYears: _y, ...allButYears } = filter;
      expect(sum(facets.airYears)).toBe(await totalCount(allButYears));
    }
  });

  it("counts a facet's other values while one is chosen, and the other facets within it", async () => {
    const all = await facetsOf(null);
    expect(all.disciplines.map((d) => d.discipline).sort()).toEqual(["cycling", "strength", "yoga"]);
    const cycling = await facetsOf({ disciplines: ["cycling"] });
    expect(cycling.disciplines).toEqual(all.disciplines);
    expect(cycling.total).toBe(all.disciplines.find((d) => d.discipline === "cycling")!.count);
    const byDuration = await db.detailed.detailedWorkout.groupBy({
      by: ["durationSeconds"],
      where: { fitnessDiscipline: "cycling" },
      _count: true,
      orderBy: { durationSeconds: "asc" },
    });
    expect(cycling.durations).toEqual(byDuration.map((row) => ({ durationSeconds: row.durationSeconds, count: row._count })));
    // most classes first
    const counts = all.instructors.map((i) => i.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(all.total).toBe(150);
    // each facet asked alone counts as when asked with the others
    const alone = await execute(
      api,
      graphql(`query WorkoutFacetsAlone($filter: WorkoutFilter) { total: workoutFacets(filter: $filter) { total }
        years: workoutFacets(filter: $filter) { airYears { year count } } durations: workoutFacets(filter: $filter) { durations { durationSeconds count } } }`),
      { filter: { disciplines: ["cycling"] } },
    );
    expect(alone).toEqual({ data: { total: { total: cycling.total }, years: { airYears: cycling.airYears }, durations: { durations: cycling.durations } } });
  });

  it("answers in one statement for the counts, and one for the instructors", async () => {
    sent.length = 0;
    await facetsOf({ disciplines: ["cycling", "strength"], artist: "a-ha" });
    // besides the limits' look-up of the songs "a-ha" reaches, which prices the operation (src/query-limits.ts)
    expect(sent.filter((sql) => !sql.includes(") reached"))).toHaveLength(2);
  });

  it("refuses what the workouts filter refuses", async () => {
    const { errors } = await execute(api, graphql(`query WorkoutFacetsRefused { workoutFacets(filter: { durations: [-1] }) { total } }`));
    expect(errors).toEqual([expect.objectContaining({ message: "filter.durations[0] must be 0 or more seconds (got -1)" })]);
  });

  it("lists at most `limit` instructors, the most classes first, and prices what is nested under them by that limit", async () => {
    const all = (await facetsOf(null)).instructors;
    expect(all.length).toBeGreaterThan(2);
    const { data, errors } = await execute(
      api,
      graphql(`query FacetInstructorsLimited { workoutFacets { instructors(limit: 2) { instructor { pelotonId } count } } }`),
    );
    expect(errors).toBeUndefined();
    expect(data!.workoutFacets.instructors).toEqual(
      all.slice(0, 2).map(({ instructor, count }) => ({ instructor: { pelotonId: instructor.pelotonId }, count })),
    );
    const refused = await execute(api, graphql(`query FacetInstructorsNone { workoutFacets { instructors(limit: 0) { count } } }`));
    expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
    // hundreds of instructors each with a page of classes took seconds: refused by default, allowed for a few of them
    const nested = (limit: string, first: number) =>
      operationCost(schema, parse(`{ workoutFacets { instructors${limit} { instructor { workouts(first: ${first}) { edges { node { title } } } } } } }`))
        .complexity;
    expect(nested("", 21)).toBeGreaterThan(queryLimits.complexity);
    expect(nested("(limit: 10)", 20)).toBeLessThanOrEqual(queryLimits.complexity);
  });

  it("is priced as the scan it is, and a menu's whole operation fits the limits", () => {
    // AC/DC's songs, as the limits look them up before pricing a request (a word not looked up is priced as reaching every class)
    const complexity = (query: string) => operationCost(schema, parse(query), {}, { wordReach: new Map([["artist: acdc ", 20]]) }).complexity;
    const facets = complexity(`{ workoutFacets { total } }`);
    expect(facets).toBeGreaterThan(5_000);
    expect(complexity(`{ workoutFacets(filter: { artist: "acdc" }) { total } }`)).toBeGreaterThan(facets);
    expect(complexity(`{ workoutFacets(filter: { artistIds: ["a", "b", "c"] }) { total } }`)).toBeGreaterThan(facets);
    const page = (first: number) => complexity(`{ workouts(first: ${first}, filter: { artist: "acdc" }) { edges { matches { position } } } }`);
    expect(page(20) - page(10)).toBeGreaterThanOrEqual(10 * 40);
    const menu = `{ artist: "AC/DC", disciplines: ["cycling", "strength"], durations: [1200, 1800] }`;
    const list = (filter: string) =>
      `workouts(filter: ${filter}, first: 20) { totalCount edges { node { title } matches { position song { title artistNames } } } }`;
    const facetsOf = (filter: string) => `workoutFacets(filter: ${filter}) { total disciplines { discipline count } instructors { instructor { name } count }
      durations { durationSeconds count } explicit { explicit count } airYears { year count } }`;
    const artistIds = `{ artistIds: ${JSON.stringify(Array.from({ length: 100 }, (_, i) => `artist-${i}`))} }`;
    for (const query of [`{ ${facetsOf(menu)} ${list(menu)} }`, `{ ${list(artistIds)} }`, `{ ${facetsOf(artistIds)} }`]) {
      expect({ query, fits: complexity(query) <= queryLimits.complexity }).toEqual({ query, fits: true });
    }
  });
});
