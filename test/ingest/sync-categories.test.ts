import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { useIngestFixture } from "../support/ingest";

const f = useIngestFixture({ classes: 90, disciplines: ["cycling", "yoga", "strength"] });

const countBy = async () =>
  Object.fromEntries(
    (await f.db.workouts.workout.groupBy({ by: ["category"], _count: true, orderBy: { category: "asc" } })).map((g) => [g.category, g._count]),
  );
const expected = (...disciplines: string[]) =>
  Object.fromEntries(disciplines.map((d) => [d, f.sim.catalogue.classes.filter((c) => c.discipline === d).length]));

describe("syncWorkouts over categories", () => {
  it("syncs cycling by default, or the categories named", async () => {
    await syncWorkouts(await f.deps());
    expect(await countBy()).toEqual(expected("cycling"));
    await syncWorkouts(await f.deps(), { categories: ["yoga"] });
    expect(await countBy()).toEqual(expected("cycling", "yoga"));
  });

  it("syncs every category Peloton lists with `all`", async () => {
    const run = await syncWorkouts(await f.deps(), { categories: ["all"] });
    expect(run).toMatchObject({ status: "SUCCEEDED", new: 90, seen: 90, total: 90 });
    expect(await countBy()).toEqual(expected("cycling", "strength", "yoga"));
    const rows = await f.db.workouts.workout.findMany({ select: { category: true, categories: true } });
    expect(rows.every((w) => w.categories.length === 1 && w.categories[0] === w.category)).toBe(true);
    const checkpoints = await f.db.workouts.syncCheckpoint.findMany({ orderBy: { category: "asc" } });
    expect(checkpoints.map((c) => [c.category, c.walkComplete])).toEqual([
      ["cycling", true],
      ["strength", true],
      ["yoga", true],
    ]);
  });
});
