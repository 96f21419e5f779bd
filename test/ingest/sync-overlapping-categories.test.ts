import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { useIngestFixture } from "../support/ingest";

// Browse categories overlap: "bootcamp" lists the bike and tread bootcamp classes, "bike_bootcamp" only the bike ones.
const f = useIngestFixture({
  classes: 240,
  categories: { bootcamp: ["bike_bootcamp", "tread_bootcamp"], bike_bootcamp: ["bike_bootcamp"], cycling: ["cycling"] },
});

const listed = (category: string) => f.sim.catalogue.categories[category]!;
/** the categories that list each class, as the simulator says */
const categoriesOf = () => {
  const of = new Map<string, string[]>();
  for (const [category, ids] of Object.entries(f.sim.catalogue.categories)) for (const id of ids) of.set(id, [...(of.get(id) ?? []), category]);
  return of;
};
const rows = async () =>
  new Map((await f.db.workouts.workout.findMany({ select: { id: true, category: true, categories: true, available: true } })).map((w) => [w.id, w]));
const pagesOf = (category: string) =>
  f.sim.requests.filter((r) => r.path === "/api/v2/ride/archived" && r.query.browse_category === category).map((r) => Number(r.query.page));
const allPages = (category: string) => Array.from({ length: Math.ceil(listed(category).length / 50) }, (_, page) => page);
const sorted = (values: string[]) => [...values].sort();

describe("syncWorkouts over overlapping categories", () => {
  it("walks a category to its end the first time, although another category brought its classes in", async () => {
    expect(listed("bike_bootcamp").length).toBeGreaterThan(50); // more than one page each
    expect(listed("bootcamp").length).toBeGreaterThan(listed("bike_bootcamp").length);
    await syncWorkouts(await f.deps(), { categories: ["bike_bootcamp"] });
    f.sim.requests.length = 0;
    const run = await syncWorkouts(await f.deps(), { categories: ["bootcamp"] });
    expect(pagesOf("bootcamp")).toEqual(allPages("bootcamp"));
    const tread = listed("bootcamp").length - listed("bike_bootcamp").length;
    expect(run).toMatchObject({ status: "SUCCEEDED", seen: listed("bootcamp").length, new: tread, total: listed("bootcamp").length });

    const saved = await rows();
    expect(saved.size).toBe(listed("bootcamp").length);
    for (const id of listed("bike_bootcamp")) expect(saved.get(id)).toMatchObject({ category: "bike_bootcamp", categories: ["bike_bootcamp", "bootcamp"] });
    for (const id of listed("bootcamp").filter((id) => !listed("bike_bootcamp").includes(id))) {
      expect(saved.get(id)).toMatchObject({ category: "bootcamp", categories: ["bootcamp"] });
    }
    expect(await f.db.workouts.syncCheckpoint.findUnique({ where: { category: "bootcamp" } })).toMatchObject({ walkComplete: true });
  });

  it("does the same the other way round, and then a walk with nothing new stops on its first page", async () => {
    await syncWorkouts(await f.deps(), { categories: ["bootcamp"] });
    f.sim.requests.length = 0;
    const run = await syncWorkouts(await f.deps(), { categories: ["bike_bootcamp"] });
    expect(pagesOf("bike_bootcamp")).toEqual(allPages("bike_bootcamp"));
    expect(run).toMatchObject({ status: "SUCCEEDED", seen: listed("bike_bootcamp").length, new: 0 });
    const saved = await rows();
    for (const id of listed("bike_bootcamp")) expect(saved.get(id)).toMatchObject({ category: "bootcamp", categories: ["bootcamp", "bike_bootcamp"] });

    f.sim.requests.length = 0;
    await syncWorkouts(await f.deps(), { categories: ["bootcamp", "bike_bootcamp"] });
    expect([pagesOf("bootcamp"), pagesOf("bike_bootcamp")]).toEqual([[0], [0]]);
  });

  it("lists each class once with `all`, under every category that lists it, counting classes rather than listings", async () => {
    const run = await syncWorkouts(await f.deps(), { categories: ["all"] });
    const classes = f.sim.catalogue.classes.length;
    expect(run).toMatchObject({ status: "SUCCEEDED", seen: classes, processed: classes, new: classes, total: classes });
    const saved = await rows();
    expect(sorted([...saved.keys()])).toEqual(sorted(f.sim.catalogue.classes.map((c) => c.id)));
    for (const [id, categories] of categoriesOf()) expect(sorted(saved.get(id)!.categories)).toEqual(sorted(categories));
    const checkpoints = await f.db.workouts.syncCheckpoint.findMany({ orderBy: { category: "asc" } });
    expect(checkpoints.map((c) => [c.category, c.walkComplete])).toEqual([
      ["bike_bootcamp", true],
      ["bootcamp", true],
      ["cycling", true],
    ]);

    // the next run knows the overlap: its total is still the classes, not the listings
    const again = await syncWorkouts(await f.deps(), { categories: ["all"] });
    expect(again).toMatchObject({ status: "SUCCEEDED", new: 0, total: classes });
  });

  it("picks up classes published into an overlapping discipline under each category that lists them", async () => {
    await syncWorkouts(await f.deps(), { categories: ["all"] });
    const added = f.sim.publishClasses(3, "bike_bootcamp");
    f.sim.requests.length = 0;
    const run = await syncWorkouts(await f.deps(), { categories: ["all"] });
    expect(run).toMatchObject({ status: "SUCCEEDED", new: 3, total: f.sim.catalogue.classes.length });
    // each walk reads the page with the new classes and stops at the next, which holds nothing new to it
    expect([pagesOf("bootcamp"), pagesOf("bike_bootcamp"), pagesOf("cycling")]).toEqual([[0, 1], [0, 1], [0]]);
    const saved = await rows();
    for (const id of added) expect(saved.get(id)).toMatchObject({ category: "bootcamp", categories: ["bootcamp", "bike_bootcamp"], available: true });
    expect(saved.size).toBe(f.sim.catalogue.classes.length);
  });

  it("takes a category out of a class it no longer lists; the class stays available while another category lists it", async () => {
    await syncWorkouts(await f.deps(), { categories: ["all"] });
    const bike = listed("bike_bootcamp")[60]!; // also in bootcamp
    const tread = listed("bootcamp").find((id) => !listed("bike_bootcamp").includes(id))!; // only in bootcamp
    // bootcamp stops listing both (bike_bootcamp still lists the bike class)
    const unlisted = new Set([bike, tread]);
    f.sim.faults.inject("archived", { transform: (body) => ({ ...body, data: body.data.filter((ride: { id: string }) => !unlisted.has(ride.id)) }) }, Infinity);
    await syncWorkouts(await f.deps(), { categories: ["bootcamp"], full: true });
    f.sim.faults.clear();
    let saved = await rows();
    expect(saved.get(bike)).toMatchObject({ category: "bootcamp", categories: ["bike_bootcamp"], available: true });
    expect(saved.get(tread)).toMatchObject({ categories: [], available: false });
    expect([...saved.values()].filter((w) => !w.available)).toHaveLength(1);

    // listed again: the category comes back, and so does the class
    await syncWorkouts(await f.deps(), { categories: ["bootcamp"], full: true });
    saved = await rows();
    expect(saved.get(bike)).toMatchObject({ categories: ["bike_bootcamp", "bootcamp"], available: true });
    expect(saved.get(tread)).toMatchObject({ categories: ["bootcamp"], available: true });

    // gone from the catalogue: unavailable once every category that listed it has been walked through
    f.sim.removeClass(bike);
    await syncWorkouts(await f.deps(), { categories: ["bike_bootcamp"], full: true });
    expect((await rows()).get(bike)).toMatchObject({ categories: ["bootcamp"], available: true });
    await syncWorkouts(await f.deps(), { categories: ["bootcamp"], full: true });
    expect((await rows()).get(bike)).toMatchObject({ categories: [], available: false });
  });

  it("marks nothing unavailable after a walk cut short", async () => {
    await syncWorkouts(await f.deps(), { categories: ["all"] });
    f.sim.removeClass(listed("bootcamp").at(-1)!);
    await syncWorkouts(await f.deps(), { categories: ["bootcamp"], full: true, maxPages: 2 });
    expect(await f.db.workouts.workout.count({ where: { available: false } })).toBe(0);
  });
});
