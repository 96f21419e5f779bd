import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startCli } from "../../harness/commands";
import { waitFor } from "../../harness/processes";

// The demo is embedded-only by design: this runs the same on both backends' test runs.

let dataDir: string;
beforeEach(async () => (dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-demo-"))));
afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
}

describe("npm run demo", () => {
  it("ingests the simulator's catalogue, serves the API, and prints a token and example queries that return data", async () => {
    const demo = startCli("demo", ["--classes", "60"], { DATA_DIR: dataDir, PORT: "0" }, dataDir);
    try {
      await waitFor("the demo to serve", () => demo.stdout().includes("Ctrl-C stops the demo.") || demo.child.exitCode !== null, 120_000);
      const out = demo.stdout();
      expect(out).toMatch(/Sync run #\d+ SUCCEEDED .*60 classes seen/);
      expect(out).toMatch(/Details run #\d+ SUCCEEDED .*60 of 60 classes processed/);
      const url = /GraphiQL: (\S+)/.exec(out)![1]!;
      // the web app, at the address printed for it
      const app = await fetch(/The web app: (\S+)/.exec(out)![1]!);
      expect(app.status).toBe(200);
      expect(await app.text()).toContain("<title>Peloton music catalogue</title>");
      const token = /Admin token for the mutations: (\S+)/.exec(out)![1]!;

      const queries = out.split("\n").filter((line) => line.startsWith("{ "));
      expect(queries).toHaveLength(4);
      const answers = await Promise.all(queries.map((query) => post(url, query)));
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      const [songs, finder, workout, instructor] = answers;
      expect(songs!.data!.songs.totalCount).toBeGreaterThan(0);
      expect(finder!.data!.workoutFacets.total).toBeGreaterThan(0);
      expect(finder!.data!.workouts.edges[0].matches.length).toBeGreaterThan(0);
      expect(workout!.data!.workout.playlist.length).toBeGreaterThan(0);
      expect(instructor!.data!.instructor.topArtists.length).toBeGreaterThan(0);

      // GraphiQL's first tab looks for the demo's most played artist, not one its catalogue lacks
      const artist = /# Songs by (.+), the most played artist/.exec(out)![1]!;
      const page = await (await fetch(url, { headers: { accept: "text/html" } })).text();
      // the first tab's query sits in the page as JSON: artist: \"…\"
      expect(/artist: \\"(.*?)\\"/.exec(page)?.[1]).toBe(artist);

      const run = await post(url, "mutation { syncWorkouts { id status } }", { authorization: `Bearer ${token}` });
      expect(run.errors).toBeUndefined();
      expect(run.data!.syncWorkouts.id).toBeDefined();
    } finally {
      demo.child.kill("SIGTERM");
    }
    expect(await demo.exited).toEqual({ code: 0, signal: null });
    expect(demo.stderr()).not.toMatch(/^\s+at /m);
  });
});
