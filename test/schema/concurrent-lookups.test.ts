// Prisma batches the findUnique calls of one tick, whichever requests make them, into one job sent from
// the first caller's request. Requests answered at once must not stop each other's lookups: they did
// (the first one answered stopped its statements, another request's among them, which then waited for
// its own timeout).
import { ingestFromSimulator } from "../../harness/simulator";
import { createApi } from "../../src/server";
import { startSimulator } from "../../src/simulator";
import { openTestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

it("answers requests that look up the same rows at once, with different selections, every time", async () => {
  const [sim, db] = await Promise.all([startSimulator({ classes: 10, disciplines: ["cycling"] }), openTestDatabases()]);
  try {
    await ingestFromSimulator(db, sim);
    const api = createApi(db, { requestTimeoutMs: 3000 });
    const song = await db.detailed.song.findFirstOrThrow({ where: { albumId: { not: null } } });
    const workout = await db.detailed.detailedWorkout.findFirstOrThrow({ where: { instructorId: { not: null } } });
    const lookups = [
      `{ song(id: "${song.id}") { albumName } }`,
      `{ song(id: "${song.id}") { title } }`,
      `{ song(id: "${song.id}") { playCount artistNames } }`,
      `{ workout(id: "${workout.id}") { title } }`,
      `{ workout(id: "${workout.id}") { instructor { name } } }`,
      `{ workout(id: "${workout.id}") { playlist { position } } }`,
      `{ instructor(id: "${workout.instructorId}") { name } }`,
      `{ instructor(id: "${workout.instructorId}") { topArtists(limit: 1) { plays } } }`,
    ];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(lookups.map((query) => execute(api, query)));
      expect(answers.map((answer, index) => [lookups[index], answer.errors])).toEqual(lookups.map((query) => [query, undefined]));
    }
  } finally {
    await Promise.all([sim.close(), db.dispose()]);
  }
});
