import { ingestFromSimulator } from "../harness/simulator";
import { createApi, graphiqlWelcome } from "../src/server";
import { startSimulator } from "../src/simulator";
import { openTestDatabases, type TestDatabases } from "./support/databases";
import { execute } from "./support/graphql";

let db: TestDatabases;
beforeAll(async () => {
  db = await openTestDatabases();
});
afterAll(() => db.dispose());

describe("GraphiQL's first tab", () => {
  it("is a query that runs within the limits and finds classes with their matching songs", async () => {
    const sim = await startSimulator({ classes: 40, seed: 3 });
    try {
      await ingestFromSimulator(db, sim);
    } finally {
      await sim.close();
    }
    // the welcome names an artist of Peloton's catalogue; the simulator's artist of most plays stands in for it
    const [top] = await db.detailed.$queryRaw<{ name: string }[]>`
      SELECT a.name FROM artists a JOIN song_artists sa ON sa.artist_id = a.id JOIN playlist_entries pe ON pe.song_id = sa.song_id
       GROUP BY a.id, a.name ORDER BY count(*) DESC, a.name LIMIT 1`;
    const query = graphiqlWelcome(top!.name);
    const { data, errors } = await execute<{ workoutFacets: { total: number }; workouts: { edges: { matches: unknown[] }[] } }>(createApi(db), query);
    expect(errors).toBeUndefined();
    expect(data!.workoutFacets.total).toBeGreaterThan(0);
    expect(data!.workouts.edges[0]!.matches.length).toBeGreaterThan(0);
    // and as written, over this catalogue: an answer, not a refusal
    expect((await execute(createApi(db), graphiqlWelcome())).errors).toBeUndefined();
  });
});
