import { parseOptions } from "../../src/cli/simulator";
import { type Simulator, startSimulator } from "../../src/simulator";
import { allPages, call, signIn } from "./support";

// Overlapping browse categories: "bootcamp" lists bike and tread bootcamp classes, "bike_bootcamp" only the bike ones.

const categories = { bootcamp: ["bike_bootcamp", "tread_bootcamp"], bike_bootcamp: ["bike_bootcamp"], cycling: ["cycling"] };

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await startSimulator({ seed: 11, classes: 90, categories });
  token = (await signIn(sim)).access_token;
});
afterAll(() => sim.close());

const listed = async (category: string) => (await allPages(sim, token, { browse_category: category, limit: "7" })).flatMap((p) => p.data);

it("generates classes in the disciplines the categories name, each class keeping its own discipline", () => {
  expect(sim.catalogue.disciplines).toEqual(["bike_bootcamp", "tread_bootcamp", "cycling"]);
  expect(new Set(sim.catalogue.classes.map((k) => k.discipline))).toEqual(new Set(["bike_bootcamp", "tread_bootcamp", "cycling"]));
});

it("summarises which classes each category lists: the union of its disciplines, newest first", () => {
  const ofDisciplines = (...disciplines: string[]) => sim.catalogue.classes.filter((k) => disciplines.includes(k.discipline)).map((k) => k.id);
  expect(sim.catalogue.categories).toEqual({
    bootcamp: ofDisciplines("bike_bootcamp", "tread_bootcamp"),
    bike_bootcamp: ofDisciplines("bike_bootcamp"),
    cycling: ofDisciplines("cycling"),
  });
  const bikeBootcamp = sim.catalogue.categories.bike_bootcamp!;
  expect(bikeBootcamp.length).toBeGreaterThan(0);
  expect(bikeBootcamp.every((id) => sim.catalogue.categories.bootcamp!.includes(id))).toBe(true);
});

it("lists the union under browse_category, newest first, with every class's own fitness_discipline", async () => {
  const bootcamp = await listed("bootcamp");
  expect(bootcamp.map((ride) => ride.id)).toEqual(sim.catalogue.categories.bootcamp);
  expect(new Set(bootcamp.map((ride) => ride.fitness_discipline))).toEqual(new Set(["bike_bootcamp", "tread_bootcamp"]));
  const airTimes = bootcamp.map((ride) => ride.original_air_time);
  expect(airTimes).toEqual([...airTimes].sort((a, b) => b - a));
  const bike = await listed("bike_bootcamp");
  expect(bike.map((ride) => ride.id)).toEqual(sim.catalogue.categories.bike_bootcamp);
  const details = await call(sim, `/api/ride/${bike[0].id}/details`, { token });
  expect(details.body.ride.fitness_discipline).toBe("bike_bootcamp");
});

it("sideloads the category's class types, and every category", async () => {
  const first = await call(sim, "/api/v2/ride/archived?browse_category=bootcamp&limit=5&page=0", { token });
  expect(new Set(first.body.class_types.map((type: any) => type.fitness_discipline))).toEqual(new Set(["bike_bootcamp", "tread_bootcamp"]));
  expect(first.body.browse_categories.map((c: any) => c.slug)).toEqual(["bootcamp", "bike_bootcamp", "cycling"]);
});

it("lists the categories at /api/browse_categories", async () => {
  const answer = await call(sim, "/api/browse_categories?library_type=on_demand", { token });
  expect(answer.body.browse_categories.map((c: any) => [c.slug, c.name])).toEqual([
    ["bootcamp", "Bootcamp"],
    ["bike_bootcamp", "Bike Bootcamp"],
    ["cycling", "Cycling"],
  ]);
});

it("answers a discipline that is no category with no classes", async () => {
  const answer = await call(sim, "/api/v2/ride/archived?browse_category=tread_bootcamp&limit=5", { token });
  expect(answer.body.data).toEqual([]);
});

it("keeps published classes in every category that lists their discipline", async () => {
  const [id] = sim.publishClasses(1, "bike_bootcamp");
  expect(sim.catalogue.categories.bootcamp![0]).toBe(id);
  expect(sim.catalogue.categories.bike_bootcamp![0]).toBe(id);
  expect((await listed("bootcamp"))[0].id).toBe(id);
  expect(sim.catalogue.categories.cycling).not.toContain(id);
});

it("without the option, each discipline is its own category, as before", async () => {
  const plain = await startSimulator({ seed: 11, classes: 30 });
  try {
    expect(plain.catalogue.disciplines).toEqual(["cycling", "strength", "yoga"]);
    for (const discipline of plain.catalogue.disciplines) {
      expect(plain.catalogue.categories[discipline]).toEqual(plain.catalogue.classes.filter((k) => k.discipline === discipline).map((k) => k.id));
    }
    expect(Object.keys(plain.catalogue.categories)).toEqual(plain.catalogue.disciplines);
  } finally {
    await plain.close();
  }
});

it("refuses a category naming a discipline it does not have, or none", async () => {
  await expect(startSimulator({ disciplines: ["cycling"], categories: { bootcamp: ["bike_bootcamp"] } })).rejects.toThrow(/bootcamp.*bike_bootcamp/);
  await expect(startSimulator({ disciplines: ["cycling"], categories: { bootcamp: [] } })).rejects.toThrow(/at least one discipline/);
  await expect(startSimulator({ categories: { "Boot Camp": ["cycling"] } })).rejects.toThrow(/slug/);
});

it("reads --category SLUG=LIST from the command line", () => {
  expect(parseOptions(["--category", "bootcamp=bike_bootcamp, tread_bootcamp", "--category", "bike_bootcamp=bike_bootcamp"])).toMatchObject({
    categories: { bootcamp: ["bike_bootcamp", "tread_bootcamp"], bike_bootcamp: ["bike_bootcamp"] },
  });
  expect(() => parseOptions(["--category", "bootcamp"])).toThrow(/SLUG=DISCIPLINE/);
  expect(() => parseOptions(["--category", "a=x", "--category", "a=y"])).toThrow(/twice/);
});
