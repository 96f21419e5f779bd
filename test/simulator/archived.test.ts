import { type Simulator, startSimulator } from "../../src/simulator";
import { allPages, call, signIn, withSimulator } from "./support";

let sim: Simulator;
let token: string;
beforeEach(async () => {
  sim = await startSimulator({ seed: 5, classes: 53 });
  token = (await signIn(sim)).access_token;
});
afterEach(() => sim.close());

const page = (query: string) => call(sim, `/api/v2/ride/archived?${query}`, { token });
const ids = (answer: { body: any }) => answer.body.data.map((ride: any) => ride.id);

describe("paging", () => {
  it("walks every class exactly once, newest first, with show_next false only on the last page", async () => {
    const pages = [];
    for (let n = 0; n < 8; n++) pages.push((await page(`limit=7&page=${n}&sort_by=original_air_time&desc=true`)).body);
    expect(pages.flatMap((p) => p.data.map((ride: any) => ride.id))).toEqual(sim.catalogue.classes.map((k) => k.id));
    expect(pages.map((p) => [p.page, p.count, p.show_next, p.show_previous])).toEqual([
      [0, 7, true, false],
      [1, 7, true, true],
      [2, 7, true, true],
      [3, 7, true, true],
      [4, 7, true, true],
      [5, 7, true, true],
      [6, 7, true, true],
      [7, 4, false, true],
    ]);
    for (const p of pages) expect(p).toMatchObject({ total: 53, page_count: 8 });
  });

  it("answers an empty page past the end", async () => {
    const beyond = await page("limit=10&page=9");
    expect(beyond.body).toMatchObject({ data: [], count: 0, page: 9, show_next: false, show_previous: true, total: 53 });
  });

  it("gives the oldest first with desc=false", async () => {
    const pages = [];
    for (let n = 0; n < 6; n++) pages.push(...ids(await page(`limit=10&page=${n}&desc=false`)));
    expect(pages).toEqual(sim.catalogue.classes.map((k) => k.id).reverse());
  });

  it("defaults to 10 per page, caps the limit at 100 and refuses a limit that is not a number", async () => {
    expect((await page("page=0")).body).toMatchObject({ count: 10, page_count: 6 });
    await withSimulator({ classes: 150 }, async (big) => {
      const bigToken = (await signIn(big)).access_token;
      const capped = await call(big, "/api/v2/ride/archived?limit=500", { token: bigToken });
      expect(capped.body).toMatchObject({ count: 100, page_count: 2, total: 150 });
    });
    const bad = await page("limit=lots");
    expect(bad).toMatchObject({ status: 400, body: { status: 400, error_code: 4000, subcode: null, details: null } });
  });

  it("sideloads the instructors of the page's classes, in order of first appearance", async () => {
    const first = await page("limit=10&page=0");
    const expected = [...new Set(first.body.data.map((ride: any) => ride.instructor_id))];
    expect(first.body.instructors.map((i: any) => i.id)).toEqual(expected);
  });
});

describe("browse_category", () => {
  it("lists only that discipline, with its class types", async () => {
    const strength = sim.catalogue.classes.filter((k) => k.discipline === "strength");
    const pages = await allPages(sim, token, { browse_category: "strength", limit: "5" });
    expect(pages.flatMap((p) => p.data.map((ride: any) => ride.id))).toEqual(strength.map((k) => k.id));
    expect(pages[0].total).toBe(strength.length);
    for (const p of pages) {
      expect(new Set(p.data.map((ride: any) => ride.fitness_discipline))).toEqual(new Set(["strength"]));
      expect(new Set(p.class_types.map((type: any) => type.fitness_discipline))).toEqual(new Set(["strength"]));
    }
  });

  it("answers an unknown category with no classes", async () => {
    const unknown = await page("browse_category=underwater-basket-weaving&limit=10&page=0");
    expect(unknown).toMatchObject({ status: 200, body: { data: [], total: 0, count: 0, page_count: 0, show_next: false, instructors: [], class_types: [] } });
  });
});

describe("changes while a client pages", () => {
  it("publishClasses between two page fetches pushes the list down by the new classes", async () => {
    const before = sim.catalogue.classes.map((k) => k.id);
    let published: string[] = [];
    sim.faults.beforeArchivedPage(1, () => {
      published = sim.publishClasses(2);
    });
    const first = ids(await page("limit=10&page=0"));
    const second = ids(await page("limit=10&page=1"));
    expect(first).toEqual(before.slice(0, 10));
    // the two last classes of page 0 come round again at the top of page 1
    expect(second).toEqual(before.slice(8, 18));
    expect(sim.catalogue.classes.slice(0, 2).map((k) => k.id)).toEqual(published);
    expect(sim.catalogue.classes).toHaveLength(55);
    const newest = (await page("limit=3&page=0")).body;
    expect(newest.total).toBe(55);
    expect(ids({ body: newest }).slice(0, 2)).toEqual(published);
    expect(newest.data[1].original_air_time).toBeGreaterThan(sim.catalogue.classes[2]!.originalAirTime);
    expect(newest.data[0].original_air_time).toBeGreaterThan(newest.data[1].original_air_time);
  });

  it("runs a page hook once only", async () => {
    let runs = 0;
    sim.faults.beforeArchivedPage(0, () => runs++);
    await page("page=0");
    await page("page=0");
    expect(runs).toBe(1);
  });

  it("publishes into a chosen discipline, and refuses one it does not have", async () => {
    const [id] = sim.publishClasses(1, "yoga");
    const details = await call(sim, `/api/ride/${id}/details`, { token });
    expect(details.body.ride.fitness_discipline).toBe("yoga");
    expect(() => sim.publishClasses(1, "rowing")).toThrow(/rowing/);
  });

  it("removeClass takes a class off the list and its details answer 404", async () => {
    const gone = sim.catalogue.classes[3]!;
    sim.removeClass(gone.id);
    const details = await call(sim, `/api/ride/${gone.id}/details`, { token });
    expect(details).toMatchObject({ status: 404, body: { status: 404, error_code: 4040, subcode: null, message: "Ride not found", details: null } });
    const listed = (await allPages(sim, token)).flatMap((p) => p.data.map((ride: any) => ride.id));
    expect(listed).toHaveLength(52);
    expect(listed).not.toContain(gone.id);
    expect(sim.catalogue.classes.map((k) => k.id)).toEqual(listed);
    expect(() => sim.removeClass(gone.id)).toThrow(/no listed class/);
  });
});

it("answers an unknown instructor with 404", async () => {
  const missing = await call(sim, `/api/instructor/${"f".repeat(32)}`, { token });
  expect(missing).toMatchObject({ status: 404, body: { status: 404, error_code: 4040, message: "Instructor not found" } });
});
